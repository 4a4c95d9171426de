package app.convene.client.app;

import app.convene.client.call.InviteLink;
import app.convene.client.i18n.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * Requests to open a link or an invitation, from the command line, from a second start of the app
 * ({@link SingleInstance}) or from the operating system. A problem is shown at once; a join waits
 * until someone is signed in and then joins as "Join with link…" does. Every request brings the
 * window to the front.
 *
 * <p>{@link #submit} may be called on any thread, also before the app has a window; the other
 * methods run on the FX thread (the {@code fx} executor of {@link #attach}).
 */
final class OpenRequests {
  private final List<OpenRequest> arrived = new ArrayList<>(); // guarded by this
  private final Deque<InviteLink> joins = new ArrayDeque<>(); // FX thread
  private Executor fx; // guarded by this
  private Runnable toFront;
  private Consumer<String> showProblem;
  private Consumer<InviteLink> join;

  /** Any thread: queues the request and hands it to the FX thread once the app is attached. */
  void submit(OpenRequest request) {
    Objects.requireNonNull(request, "request == null");
    Executor target;
    synchronized (this) {
      arrived.add(request);
      target = fx;
    }
    if (target != null) {
      target.execute(this::drain);
    }
  }

  /** FX thread, once the window exists: requests are handled from now on. */
  void attach(Stage stage) {
    attach(Platform::runLater, () -> {
      stage.setIconified(false);
      stage.show();
      stage.toFront();
    }, message -> {
      Alert alert = new Alert(Alert.AlertType.ERROR, message);
      alert.initOwner(stage);
      alert.setHeaderText(null);
      alert.show();
    });
  }

  /** Tests: the executor requests are handled on, and what "to the front" and "show" mean. */
  void attach(Executor executor, Runnable bringToFront, Consumer<String> problem) {
    toFront = Objects.requireNonNull(bringToFront, "bringToFront == null");
    showProblem = Objects.requireNonNull(problem, "problem == null");
    synchronized (this) {
      fx = Objects.requireNonNull(executor, "executor == null");
    }
    executor.execute(this::drain);
  }

  /** FX thread: someone is signed in; pending and later joins go to {@code joiner}. */
  void signedIn(Consumer<InviteLink> joiner) {
    join = Objects.requireNonNull(joiner, "joiner == null");
    while (!joins.isEmpty() && join != null) {
      join.accept(joins.poll());
    }
  }

  /** FX thread: nobody is signed in; joins wait for the next {@link #signedIn}. */
  void signedOut() {
    join = null;
  }

  private void drain() {
    List<OpenRequest> now;
    synchronized (this) {
      now = List.copyOf(arrived);
      arrived.clear();
    }
    for (OpenRequest request : now) {
      toFront.run();
      switch (request) {
        case OpenRequest.Activate _ -> { }
        case OpenRequest.Invalid invalid ->
            showProblem.accept(Messages.format(invalid.messageKey(), invalid.detail()));
        case OpenRequest.Join j -> {
          if (join != null) {
            join.accept(j.link());
          } else {
            joins.add(j.link());
          }
        }
      }
    }
  }
}

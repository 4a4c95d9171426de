package app.convene.client.app;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.ui.CallModel;
import app.convene.client.ui.CallWindow;
import app.convene.client.ui.JoinModel;
import app.convene.client.ui.JoinView;
import app.convene.client.ui.Messages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop app: the join window and one call window per call. The composition root: it owns
 * the media engine and hands parts to each other.
 */
public final class ConveneApp extends Application {
  private static volatile AppOptions options = AppOptions.parse(new String[0]);
  private static volatile URI server = URI.create("ws://127.0.0.1:8787/signal");

  private final List<CallModel> calls = new ArrayList<>();
  private MediaEngine media;
  private Stage stage;
  private JoinModel join;

  static void configure(AppOptions appOptions, URI signalingServer) {
    options = appOptions;
    server = signalingServer;
  }

  @Override
  public void start(Stage primaryStage) {
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Platform.runLater(() -> showError(e)));
    stage = primaryStage;
    if (options.locale() != null) {
      Messages.use(options.locale());
    }
    join = new JoinModel(this::media, Platform::runLater, this::openCall);
    join.serverProperty().set(server.toString());
    join.roomProperty().set(options.room());
    join.nameProperty().set(options.name());
    showJoin();
    stage.show();
  }

  private void showJoin() {
    JoinView view = new JoinView(join, this::switchLanguage);
    Scene scene = new Scene(view, 520, 380);
    scene.getStylesheets().add(JoinView.class.getResource("convene.css").toExternalForm());
    stage.setScene(scene);
    stage.setTitle(Messages.get("app.title"));
  }

  private void switchLanguage(Locale locale) {
    Messages.use(locale);
    showJoin();
  }

  private void openCall(CallModel call) {
    calls.add(call);
    CallWindow window = new CallWindow(call);
    window.stage().setOnHidden(e -> {
      call.hangUp();
      calls.remove(call);
    });
    window.show();
  }

  /** The app's one media engine, started on first use. Called off the FX thread. */
  private synchronized MediaEngine media() {
    if (media == null) {
      media = new MediaEngine(options.syntheticMedia() ? MediaOptions.synthetic(640, 360, 30) : MediaOptions.devices());
    }
    return media;
  }

  @Override
  public void stop() {
    List.copyOf(calls).forEach(call -> call.hangUp().join());
    synchronized (this) {
      if (media != null) {
        media.close();
        media = null;
      }
    }
  }

  private static void showError(Throwable e) {
    Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
    alert.setHeaderText(e.getClass().getSimpleName());
    alert.show();
  }
}

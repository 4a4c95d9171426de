package app.convene.client.ui;

import app.convene.client.media.MediaEngine;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The join form: server, room and name, with validation. FX thread only. */
public final class JoinModel {
  private final StringProperty server = new SimpleStringProperty(this, "server", "");
  private final StringProperty room = new SimpleStringProperty(this, "room", "");
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final BooleanProperty joining = new SimpleBooleanProperty(this, "joining");
  private final Supplier<MediaEngine> media;
  private final Executor fx;
  private final Consumer<CallModel> onJoined;

  /**
   * @param media gives the app's media engine; called off the FX thread (it may start the stack)
   * @param fx runs tasks on the FX thread
   * @param onJoined receives the call once the server admitted us, on the FX thread
   */
  public JoinModel(Supplier<MediaEngine> media, Executor fx, Consumer<CallModel> onJoined) {
    this.media = Objects.requireNonNull(media, "media == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.onJoined = Objects.requireNonNull(onJoined, "onJoined == null");
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty roomProperty() {
    return room;
  }

  public StringProperty nameProperty() {
    return name;
  }

  /** The reason the last join failed, or empty. */
  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty joiningProperty() {
    return joining;
  }

  /** Validates the form and joins; errors land in {@link #errorProperty()}. */
  public void join() {
    String roomName = room.get().strip();
    String displayName = name.get().strip();
    String address = server.get().strip();
    if (roomName.isEmpty()) {
      error.set(Messages.get("join.error.room"));
      return;
    }
    if (displayName.isEmpty()) {
      error.set(Messages.get("join.error.name"));
      return;
    }
    URI uri;
    try {
      uri = URI.create(address);
      if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      error.set(Messages.get("join.error.server"));
      return;
    }
    error.set("");
    joining.set(true);
    CompletableFuture.supplyAsync(media, MediaEngine.background())
        .thenComposeAsync(
            engine -> {
              CallModel call = new CallModel(roomName, displayName, engine, fx);
              return call.connect(uri, displayName).thenApply(v -> call);
            },
            fx)
        .whenCompleteAsync(
            (call, e) -> {
              joining.set(false);
              if (e != null) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                  cause = cause.getCause();
                }
                error.set(Messages.format("join.error.failed", cause.getMessage()));
              } else {
                onJoined.accept(call);
              }
            },
            fx);
  }
}

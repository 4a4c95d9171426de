package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import app.convene.client.i18n.Failures;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

/**
 * The call window's way out when a native call cannot connect: a peer connection FAILED, or a peer
 * that joined is not connected after {@link #CONNECT_TIMEOUT}. Then, if the app offered a move
 * ({@link #offer}) and it is available (signed in to Google), "Move this meeting to Google Meet" is
 * shown. FX thread only.
 */
public final class CallFallback {
  static final Duration CONNECT_TIMEOUT = Duration.seconds(20);

  private final StringProperty status;
  private final ReadOnlyBooleanWrapper cannotConnect = new ReadOnlyBooleanWrapper(this, "cannotConnect");
  private final BooleanProperty moving = new SimpleBooleanProperty(this, "moving");
  private final BooleanProperty available = new SimpleBooleanProperty(this, "available");
  private final Map<String, PauseTransition> waiting = new HashMap<>();
  private final Duration connectTimeout;
  private Supplier<CompletableFuture<String>> move;

  CallFallback(StringProperty status) {
    this(status, CONNECT_TIMEOUT);
  }

  CallFallback(StringProperty status, Duration connectTimeout) {
    this.status = Objects.requireNonNull(status, "status == null");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout == null");
  }

  /**
   * Offers the move while {@code when} holds.
   *
   * @param action moves the meeting and opens its link; completes with the link, on the FX thread
   *     or not
   */
  public void offer(ObservableBooleanValue when, Supplier<CompletableFuture<String>> action) {
    move = Objects.requireNonNull(action, "action == null");
    available.bind(Objects.requireNonNull(when, "when == null"));
  }

  public ReadOnlyBooleanProperty cannotConnectProperty() {
    return cannotConnect.getReadOnlyProperty();
  }

  /** Whether the window shows the move button. */
  public BooleanBinding offeredProperty() {
    return Bindings.createBooleanBinding(() -> cannotConnect.get() && available.get() && move != null,
        cannotConnect, available);
  }

  public BooleanProperty movingProperty() {
    return moving;
  }

  /** Moves the meeting to Google Meet and opens the link; the status line says how it went. */
  public void moveToMeet() {
    if (move == null || moving.get()) {
      return;
    }
    moving.set(true);
    status.set(Messages.get("call.moving"));
    move.get().whenComplete((link, e) -> javafx.application.Platform.runLater(() -> {
      moving.set(false);
      status.set(e == null ? Messages.format("call.moved", link)
          : Messages.format("call.moveFailed", Failures.rootMessage(e)));
    }));
  }

  void peerJoined(String peerId) {
    PauseTransition timer = new PauseTransition(connectTimeout);
    timer.setOnFinished(e -> {
      waiting.remove(peerId);
      cannotConnect(true);
    });
    waiting.put(peerId, timer);
    timer.play();
  }

  void peerState(String peerId, RTCPeerConnectionState state) {
    if (state == RTCPeerConnectionState.CONNECTED) {
      stopWaiting(peerId);
    } else if (state == RTCPeerConnectionState.FAILED) {
      stopWaiting(peerId);
      cannotConnect(true);
    }
  }

  void peerLeft(String peerId) {
    stopWaiting(peerId);
  }

  private void cannotConnect(boolean value) {
    if (value && !cannotConnect.get()) {
      cannotConnect.set(true);
      if (available.get() && move != null) {
        status.set(Messages.get("call.cannotConnect"));
      }
    }
  }

  private void stopWaiting(String peerId) {
    PauseTransition timer = waiting.remove(peerId);
    if (timer != null) {
      timer.stop();
    }
  }
}

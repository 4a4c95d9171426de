package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.Fx;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** When the call window offers "Move this meeting to Google Meet", and what the move reports. */
class CallFallbackTest {
  private final StringProperty status = new SimpleStringProperty("");

  @BeforeAll
  static void toolkit() throws Exception {
    Messages.use(Locale.ENGLISH);
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void failedPeerConnectionOffersTheMoveAndTheMoveReportsTheLink() throws Exception {
    CallFallback fallback = Fx.call(() -> new CallFallback(status));
    SimpleBooleanProperty signedIn = new SimpleBooleanProperty(true);
    Fx.run(() -> {
      fallback.offer(signedIn, () -> CompletableFuture.completedFuture("https://meet.google.com/abc-defg-hij"));
      fallback.peerJoined("p1");
      fallback.peerState("p1", RTCPeerConnectionState.FAILED);
    });
    assertThat(Fx.call(() -> fallback.offeredProperty().get())).isTrue();
    assertThat(status.get()).isEqualTo(Messages.get("call.cannotConnect"));
    Fx.run(() -> signedIn.set(false));
    assertThat(Fx.call(() -> fallback.offeredProperty().get())).isFalse();
    Fx.run(() -> signedIn.set(true));
    Fx.run(fallback::moveToMeet);
    Fx.await(() -> Fx.call(status::get).contains("meet.google.com/abc-defg-hij"));
  }

  @Test
  void aPeerThatNeverConnectsOffersTheMoveAfterTheTimeout() throws Exception {
    CallFallback fallback = Fx.call(() -> new CallFallback(status, Duration.millis(200)));
    Fx.run(() -> {
      fallback.offer(new SimpleBooleanProperty(true), () -> CompletableFuture.failedFuture(
          new IllegalStateException("Google is unreachable.")));
      fallback.peerJoined("p1");
    });
    Fx.await(() -> Fx.call(() -> fallback.offeredProperty().get()));
    Fx.run(fallback::moveToMeet);
    Fx.await(() -> Fx.call(status::get).contains("Google is unreachable."));
  }

  @Test
  void aConnectedPeerOffersNothing() throws Exception {
    CallFallback fallback = Fx.call(() -> new CallFallback(status, Duration.millis(200)));
    Fx.run(() -> {
      fallback.offer(new SimpleBooleanProperty(true), () -> CompletableFuture.completedFuture("x"));
      fallback.peerJoined("p1");
      fallback.peerState("p1", RTCPeerConnectionState.CONNECTED);
    });
    Thread.sleep(600);
    assertThat(Fx.call(() -> fallback.offeredProperty().get())).isFalse();
  }
}

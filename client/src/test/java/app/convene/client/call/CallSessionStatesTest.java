package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real session on a real server walks the state machine: admitted, away while the server
 * restarts, back, and ended once when we leave; afterwards its commands do nothing.
 */
class CallSessionStatesTest {
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void start() throws Exception {
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(160, 90, 15));
  }

  @AfterAll
  static void stop() throws Exception {
    media.close();
    backend.close();
  }

  @Test
  void connectedThenReconnectingWhileTheServerIsAwayThenConnectedThenEndedOnce() throws Exception {
    Account anna = backend.account("Anna");
    String room = backend.meeting(anna, "Stand-up");
    Recorder heard = new Recorder();

    CallSession session = CallSession.join(backend.ticket(anna, room), media, heard,
        Reconnect.withTokens(anna::accessToken)).get(10, TimeUnit.SECONDS);
    try {
      await(() -> heard.states.contains(CallState.CONNECTED));
      backend.stop();
      await(() -> heard.states.contains(CallState.RECONNECTING));
      backend.startAgain();
      await(() -> heard.states.size() == 3);
    } finally {
      session.close();
    }
    session.close();

    assertThat(heard.states).containsExactly(CallState.CONNECTED, CallState.RECONNECTING,
        CallState.CONNECTED, CallState.ENDED);
    assertThat(heard.ends).containsExactly(new CallEnd.Left());
  }

  @Test
  void aCommandAfterTheEndDoesNothing() throws Exception {
    Account boris = backend.account("Boris");
    String room = backend.meeting(boris, "Retro");
    Recorder heard = new Recorder();
    CallSession session = CallSession.join(backend.ticket(boris, room), media, heard)
        .get(10, TimeUnit.SECONDS);
    LocalMedia local = new LocalMedia(session, media, frame -> frame.release());
    session.close();
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(() -> local.setMicrophoneOn(false).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CallException.class);
    assertThatThrownBy(() -> session.onCallThread(() -> ran.set(true)).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CallException.class);

    assertThat(ran).isFalse();
    assertThat(media.audioTrack().isEnabled()).isTrue();
    assertThat(session.stats().get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(heard.ends).containsExactly(new CallEnd.Left());
  }

  private static final class Recorder implements CallListener {
    final List<CallState> states = new CopyOnWriteArrayList<>();
    final List<CallEnd> ends = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(CallState state) {
      states.add(state);
    }

    @Override
    public void ended(CallEnd end) {
      ends.add(end);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }
}

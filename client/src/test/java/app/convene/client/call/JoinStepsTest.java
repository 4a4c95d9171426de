package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real sessions, each with its own media engine, on a real server: both tell every step of
 * the join once, in the order the protocol makes them happen, and a signaling drop afterwards
 * (the server restarted under the call) tells none again.
 */
class JoinStepsTest {
  private static TestBackend backend;
  private static MediaEngine mediaA;
  private static MediaEngine mediaB;

  @BeforeAll
  static void start() throws Exception {
    backend = TestBackend.start();
    mediaA = new MediaEngine(MediaOptions.synthetic(160, 90, 15));
    mediaB = new MediaEngine(MediaOptions.synthetic(160, 90, 15));
  }

  @AfterAll
  static void stop() throws Exception {
    mediaA.close();
    mediaB.close();
    backend.close();
  }

  @Test
  void everyStepOnceInTheOrderOfTheProtocol() throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String room = backend.meeting(anna, "Design review", boris);
    Steps inRoom = new Steps();
    Steps newcomer = new Steps();

    try (CallSession a = CallSession.join(backend.ticket(anna, room), mediaA, inRoom,
            Reconnect.withTokens(anna::accessToken)).get(10, TimeUnit.SECONDS);
        CallSession b = CallSession.join(backend.ticket(boris, room), mediaB, newcomer,
            Reconnect.withTokens(boris::accessToken)).get(10, TimeUnit.SECONDS)) {
      newcomer.firstFrame.get(15, TimeUnit.SECONDS);
      inRoom.firstFrame.get(15, TimeUnit.SECONDS);
      // A link may connect on the other side's checks before that side's own candidates went
      // out through the server (seen in CI); they still go out, so wait for them before the
      // server is stopped, or they would be lost in the outage.
      awaitCandidates(newcomer, inRoom);
      int toldBefore = newcomer.told.size() + inRoom.told.size();

      backend.stop(); // the server restarts under the call: the links resync, nobody joins anew
      backend.startAgain();
      awaitConnectedAgain(a, b);
      assertThat(newcomer.told.size() + inRoom.told.size()).isEqualTo(toldBefore);
    }

    // The newcomer offers; the one in the room answers.
    assertThat(newcomer.order()).containsSubsequence(JoinStep.SIGNALING_OPEN, JoinStep.JOINED,
        JoinStep.LINK_CREATED, JoinStep.OFFER_SENT, JoinStep.ANSWER_RECEIVED,
        JoinStep.CONNECTED, JoinStep.FIRST_FRAME);
    assertThat(newcomer.order()).doesNotContain(JoinStep.OFFER_RECEIVED, JoinStep.ANSWER_SENT);
    assertThat(inRoom.order()).containsSubsequence(JoinStep.LINK_CREATED,
        JoinStep.OFFER_RECEIVED, JoinStep.ANSWER_SENT, JoinStep.CONNECTED, JoinStep.FIRST_FRAME);
    assertThat(inRoom.order()).doesNotContain(JoinStep.OFFER_SENT, JoinStep.ANSWER_RECEIVED);
    for (Steps side : List.of(newcomer, inRoom)) {
      assertThat(side.order()).doesNotHaveDuplicates()
          .contains(JoinStep.CANDIDATE_SENT, JoinStep.CANDIDATE_RECEIVED, JoinStep.ICE_CONNECTED,
              JoinStep.VIDEO_TRACK);
      // libwebrtc tells ICE (its legacy state, which waits for DTLS) and the connection at one
      // moment, in either order; both need the answer, so they come after it. (Not necessarily
      // after the first candidate through the server: a peer's check may come first.)
      for (JoinStep connected : List.of(JoinStep.ICE_CONNECTED, JoinStep.CONNECTED)) {
        assertThat(side.order()).containsSubsequence(
            side == newcomer ? JoinStep.ANSWER_RECEIVED : JoinStep.ANSWER_SENT, connected);
      }
      assertThat(side.order()).containsSubsequence(JoinStep.VIDEO_TRACK, JoinStep.FIRST_FRAME);
      // The room's steps come without a peer, every link's with the other side's id.
      side.told.forEach(told -> assertThat(told.getKey() == null).isEqualTo(told.getValue().ofRoom()));
    }
    // A was in the room first: the room's steps are B's alone to tell during B's join.
    assertThat(inRoom.order().indexOf(JoinStep.JOINED)).isLessThan(inRoom.order().indexOf(JoinStep.LINK_CREATED));
  }

  private static void awaitCandidates(Steps... sides) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Arrays.stream(sides)
        .allMatch(side -> side.order().contains(JoinStep.CANDIDATE_RECEIVED))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no candidate arrived through the server: "
            + Arrays.stream(sides).map(Steps::order).toList());
      }
      Thread.sleep(20);
    }
  }

  private static void awaitConnectedAgain(CallSession a, CallSession b) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (a.lifecycle().state() == CallState.CONNECTED && b.lifecycle().state() == CallState.CONNECTED) {
        Thread.sleep(1000); // what a resync would tell has arrived by now
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the sessions did not come back");
  }

  /** Every step told, in order, with its peer, and the moment of the first frame. */
  private static final class Steps implements CallListener {
    final List<Map.Entry<String, JoinStep>> told = new CopyOnWriteArrayList<>();
    final List<Long> nanos = new CopyOnWriteArrayList<>();
    final CompletableFuture<Long> firstFrame = new CompletableFuture<>();

    @Override
    public void joinStep(String peerId, JoinStep step, long at) {
      told.add(new java.util.AbstractMap.SimpleEntry<>(peerId, step));
      nanos.add(at);
      if (step == JoinStep.FIRST_FRAME) {
        firstFrame.complete(at);
      }
    }

    /** The steps in the order they happened (by their moments, not by when they were told). */
    List<JoinStep> order() {
      Integer[] index = new Integer[told.size()];
      for (int i = 0; i < index.length; i++) {
        index[i] = i;
      }
      java.util.Arrays.sort(index, java.util.Comparator.comparingLong(nanos::get));
      return Arrays.stream(index).map(i -> told.get(i).getValue()).toList();
    }
  }
}

package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Offer;
import app.convene.protocol.Rejected;
import app.convene.protocol.Peer;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Two real peer connections in one JVM with their signaling wired to each other through a relay
 * that can hold messages back, so that both sides' offers cross on the wire: true glare.
 */
class PerfectNegotiationTest {
  private static MediaEngine media;

  private final ExecutorService threadA = Executors.newSingleThreadExecutor();
  private final ExecutorService threadB = Executors.newSingleThreadExecutor();
  private final Relay relay = new Relay();
  private PeerLink a;
  private PeerLink b;

  @BeforeAll
  static void startMedia() {
    media = new MediaEngine(MediaOptions.synthetic(320, 180, 30));
  }

  @AfterAll
  static void stopMedia() {
    media.close();
  }

  @AfterEach
  void closeLinks() throws Exception {
    threadA.submit(a::close).get(5, TimeUnit.SECONDS);
    threadB.submit(b::close).get(5, TimeUnit.SECONDS);
    threadA.shutdown();
    threadB.shutdown();
  }

  @RepeatedTest(5)
  void crossedOffersConvergeToOneConnectedCallWithVideoBothWays() throws Exception {
    a = link("p-aaa", "p-bbb", threadA);
    b = link("p-bbb", "p-aaa", threadB);
    relay.holdUntilOffers(2);

    threadA.execute(() -> a.start(media.audioTrack(), media.cameraTrack(), true));
    threadB.execute(() -> b.start(media.audioTrack(), media.cameraTrack(), true));

    await(() -> a.meter().frames() >= 10 && b.meter().frames() >= 10);
    assertThat(relay.offersFrom().subList(0, 2))
        .as("both offers were on the wire at once")
        .containsExactlyInAnyOrder("p-aaa", "p-bbb");
    assertThat(a.state()).isEqualTo(RTCPeerConnectionState.CONNECTED);
    assertThat(b.state()).isEqualTo(RTCPeerConnectionState.CONNECTED);
    assertThat(a.meter().width()).isEqualTo(320);
    assertThat(b.meter().height()).isEqualTo(180);
  }

  @Test
  void iceRestartFromBothSidesAtOnceKeepsTheCallConnected() throws Exception {
    a = link("p-aaa", "p-bbb", threadA);
    b = link("p-bbb", "p-aaa", threadB);
    threadA.execute(() -> a.start(media.audioTrack(), media.cameraTrack(), true));
    threadB.execute(() -> b.start(media.audioTrack(), media.cameraTrack(), false));
    await(() -> a.meter().frames() >= 5 && b.meter().frames() >= 5);
    relay.holdUntilOffers(relay.offersFrom().size() + 2);

    threadA.execute(() -> a.connection().restartIce());
    threadB.execute(() -> b.connection().restartIce());

    long framesBefore = a.meter().frames();
    await(() -> relay.released() && a.meter().frames() >= framesBefore + 30);
    await(() -> stable(threadA, a) && stable(threadB, b));
    assertThat(b.state()).isEqualTo(RTCPeerConnectionState.CONNECTED);
  }

  private static boolean stable(ExecutorService thread, PeerLink link) {
    try {
      return thread.submit(() -> link.connection().getSignalingState()).get()
          == RTCSignalingState.STABLE;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private PeerLink link(String localId, String remoteId, ExecutorService own) {
    PeerLink.Events events =
        new PeerLink.Events() {
          @Override
          public void send(SignalMessage message) {
            relay.send(((SignalMessage.Relayed) message).withFrom(localId));
          }

          @Override
          public void stateChanged(PeerLink link, RTCPeerConnectionState state) {}

          @Override
          public void remoteVideo(PeerLink link, VideoTrack track) {}
        };
    return new PeerLink(
        new Peer(remoteId, remoteId), localId, media, new RTCConfiguration(), own, events);
  }

  /** Delivers each message on the addressee's thread; can hold all traffic until N offers. */
  private final class Relay {
    private final List<SignalMessage.Relayed> held = new ArrayList<>();
    private final List<String> offersFrom = new ArrayList<>();
    private int holdUntil;

    synchronized void holdUntilOffers(int count) {
      holdUntil = count;
    }

    synchronized List<String> offersFrom() {
      return List.copyOf(offersFrom);
    }

    synchronized boolean released() {
      return offersFrom.size() >= holdUntil;
    }

    synchronized void send(SignalMessage.Relayed message) {
      if (message instanceof Offer) {
        offersFrom.add(message.from());
      }
      held.add(message);
      if (offersFrom.size() >= holdUntil) {
        held.forEach(this::deliver);
        held.clear();
      }
    }

    private void deliver(SignalMessage.Relayed message) {
      boolean toA = message.to().equals("p-aaa");
      (toA ? threadA : threadB)
          .execute(
              () -> {
                PeerLink target = toA ? a : b;
                switch (message) {
                  case Offer o -> target.onDescription(o);
                  case Answer o -> target.onDescription(o);
                  case Candidate c -> target.onCandidate(c);
                  case Rejected r -> target.onRejected(r);
                  case View v -> target.tracks().setView(v);
                }
              });
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

package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.Rejected;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real peer connections whose signaling goes through a relay that can lose everything, as
 * the server does while a socket is away: what {@link PeerLink#resync()} puts right afterwards.
 */
class LinkResyncTest {
  private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");
  private static MediaEngine media;

  private final ExecutorService threadA = Executors.newSingleThreadExecutor();
  private final ExecutorService threadB = Executors.newSingleThreadExecutor();
  private final List<SignalMessage.Relayed> sent = new ArrayList<>();
  private volatile boolean outage;
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

  @BeforeEach
  void connect() throws Exception {
    a = link("p-aaa", "p-bbb", threadA);
    b = link("p-bbb", "p-aaa", threadB);
    threadA.execute(() -> a.start(media.audioTrack(), media.cameraTrack(), true));
    threadB.execute(() -> b.start(media.audioTrack(), media.cameraTrack(), false));
    await(() -> a.meter().frames() >= 5 && b.meter().frames() >= 5);
    await(() -> on(threadA, () -> a.connection().getSignalingState()) == RTCSignalingState.STABLE
        && on(threadB, () -> b.connection().getSignalingState()) == RTCSignalingState.STABLE);
  }

  @AfterEach
  void closeLinks() throws Exception {
    threadA.submit(a::close).get(5, TimeUnit.SECONDS);
    threadB.submit(b::close).get(5, TimeUnit.SECONDS);
    threadA.shutdown();
    threadB.shutdown();
  }

  @Test
  void anIceRestartOfferLostInTheOutageIsSentAgainAndTheLinkComesBackWithNewCredentials()
      throws Exception {
    String ufragBefore = ufrag(on(threadA, () -> a.connection().getLocalDescription().sdp));
    outage = true;
    threadA.execute(a::restartIce);
    await(() -> on(threadA, () -> a.connection().getSignalingState())
        == RTCSignalingState.HAVE_LOCAL_OFFER);
    Thread.sleep(300); // candidates of the new offer are lost too
    outage = false;
    int before = sentCount();

    threadA.execute(a::resync);

    await(() -> on(threadA, () -> a.connection().getSignalingState()) == RTCSignalingState.STABLE);
    assertThat(sentSince(before)).first().isInstanceOf(Offer.class);
    String ufragAfter = ufrag(on(threadA, () -> a.connection().getLocalDescription().sdp));
    assertThat(ufragAfter).isNotEqualTo(ufragBefore);
    long frames = b.meter().frames();
    await(() -> b.meter().frames() >= frames + 30);
    assertThat(on(threadA, a::state)).isEqualTo(RTCPeerConnectionState.CONNECTED);
  }

  @Test
  void aLinkThatIsUpIsLeftAloneWhenSignalingComesBack() throws Exception {
    int before = sentCount();

    threadA.execute(a::resync);
    threadB.execute(b::resync);

    Thread.sleep(500);
    assertThat(sentSince(before)).as("nothing renegotiated").isEmpty();
    assertThat(on(threadA, a::state)).isEqualTo(RTCPeerConnectionState.CONNECTED);
  }

  private PeerLink link(String localId, String remoteId, ExecutorService own) {
    PeerLink.Events events = new PeerLink.Events() {
      @Override
      public void send(SignalMessage message) {
        relay(((SignalMessage.Relayed) message).withFrom(localId));
      }

      @Override
      public void stateChanged(PeerLink link, RTCPeerConnectionState state) {}

      @Override
      public void remoteVideo(PeerLink link, VideoTrack track) {}
    };
    return new PeerLink(
        new Peer(remoteId, remoteId), localId, media, new RTCConfiguration(), own, events);
  }

  private void relay(SignalMessage.Relayed message) {
    synchronized (sent) {
      sent.add(message);
    }
    if (outage) {
      return; // the server drops what is relayed to a socket that is away
    }
    boolean toA = message.to().equals("p-aaa");
    (toA ? threadA : threadB).execute(() -> {
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

  private int sentCount() {
    synchronized (sent) {
      return sent.size();
    }
  }

  private List<SignalMessage.Relayed> sentSince(int index) {
    synchronized (sent) {
      return List.copyOf(sent.subList(index, sent.size()));
    }
  }

  private static String ufrag(String sdp) {
    Matcher matcher = UFRAG.matcher(sdp);
    assertThat(matcher.find()).as("ice-ufrag in %s", sdp).isTrue();
    return matcher.group(1);
  }

  private static <T> T on(ExecutorService thread, Callable<T> task) {
    try {
      return thread.submit(task).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
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

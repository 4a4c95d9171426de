package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.protocol.IceServer;
import app.convene.protocol.Peer;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's peer connections: one {@link PeerLink} per remote participant (a full mesh), the ICE
 * configuration new links get, the video every link sends, and how much of it ({@link
 * SendLadder}: less as the room grows or while encoders strain).
 *
 * <p>Threading: every method runs on the call executor. Each link's own work goes to the link's
 * executor ({@link PeerLink#post}); its events come back through {@link Events} to the call
 * executor, and only for a link that is still the one we keep for its peer.
 */
final class PeerLinks {
  private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);

  private final CallSession call;
  private final MediaEngine media;
  private final Executor callExecutor;
  private final boolean relayOnly;
  private final Map<String, PeerLink> links = new LinkedHashMap<>();
  private final SendLadder ladder = new SendLadder();
  /** How often a peer's view changes what we send it, at most. */
  static final Duration VIEW_EVERY = Duration.ofMillis(250);

  // What each peer last said of its tile of us; kept for a link made again for the same peer.
  private final Map<String, View> views = new HashMap<>();
  private final Set<String> viewsDue = new HashSet<>();
  private RTCConfiguration configuration;
  private VideoTrack outgoingVideo;

  PeerLinks(CallSession call, MediaEngine media, Executor callExecutor, boolean relayOnly) {
    this.call = call;
    this.media = media;
    this.callExecutor = callExecutor;
    this.relayOnly = relayOnly;
  }

  /** Before the first link: the room's ICE servers, and the camera as the video to send. */
  void prepare(List<IceServer> servers) {
    configuration = configuration(servers);
    outgoingVideo = media.cameraTrack();
  }

  PeerLink get(String peerId) {
    return links.get(peerId);
  }

  boolean contains(String peerId) {
    return links.containsKey(peerId);
  }

  Collection<PeerLink> all() {
    return List.copyOf(links.values());
  }

  Set<String> peerIds() {
    return Set.copyOf(links.keySet());
  }

  /** Opens a connection to {@code peer}; null when the native layer refuses to make one. */
  PeerLink add(Peer peer, boolean offer) {
    PeerLink previous = links.remove(peer.peerId());
    if (previous != null) {
      previous.dispose(); // a peer id joined again before its leave reached us
    }
    PeerLink link;
    try {
      link = new PeerLink(peer, call.localPeerId(), media, configuration,
          PeerLink.newExecutor(peer.peerId()), new Events());
    } catch (RuntimeException | Error e) {
      log.warn("cannot open a connection to peer {}: {}", peer.peerId(), e.getMessage());
      return null;
    }
    long created = System.nanoTime();
    links.put(peer.peerId(), link);
    call.listener().peerAdded(peer);
    link.post(() -> link.step(JoinStep.LINK_CREATED, created));
    VideoTrack video = outgoingVideo;
    link.post(() -> link.start(media.audioTrack(), video, offer));
    View view = views.get(peer.peerId());
    if (view != null) {
      link.post(() -> link.tracks().setView(view));
    }
    updateQuality();
    return link;
  }

  /** Closes the connection to {@code peerId}, if we have one, and tells the listener. */
  void remove(String peerId) {
    PeerLink link = links.remove(peerId);
    views.remove(peerId);
    call.views().forget(peerId);
    if (link != null) {
      link.dispose();
      call.listener().peerRemoved(peerId);
      updateQuality();
    }
  }

  /** Runs {@code task} on the link of {@code peerId}; a message from an unknown peer is dropped. */
  void with(String peerId, Consumer<PeerLink> task) {
    PeerLink link = links.get(peerId);
    if (link == null) {
      log.debug("ignoring a relayed message from unknown peer {}", peerId);
      return;
    }
    link.post(() -> task.accept(link));
  }

  /**
   * A peer said how large it shows our video: what we send it follows (see {@link View}), at most
   * once per {@link #VIEW_EVERY} and with its latest view, so that a room-mate sending views in a
   * loop reconfigures our encoder for it no more often than that.
   */
  void onView(View view) {
    String peerId = view.from();
    if (!links.containsKey(peerId)) {
      log.debug("ignoring a view from unknown peer {}", peerId);
      return;
    }
    views.put(peerId, view);
    if (viewsDue.add(peerId)) {
      call.later(VIEW_EVERY, () -> {
        viewsDue.remove(peerId);
        View latest = views.get(peerId);
        if (latest != null) {
          with(peerId, link -> link.tracks().setView(latest));
        }
      });
    }
  }

  /** Shows {@code track} of {@code peerId} in {@code sink}, ordered against the link's close. */
  void addRemoteSink(String peerId, VideoTrack track, VideoTrackSink sink) {
    PeerLink link = links.get(peerId);
    if (link != null) {
      link.post(() -> link.addRemoteSink(track, sink));
    }
  }

  /**
   * Sends {@code track} on every link. Returns once every link has replaced it (at most 2 s), so
   * that the caller may then dispose the previous track.
   */
  void installVideo(VideoTrack track) {
    outgoingVideo = track;
    List<CompletableFuture<Void>> replaced = new ArrayList<>();
    for (PeerLink link : links.values()) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      link.post(() -> {
        link.tracks().replaceVideo(track);
        done.complete(null);
      });
      replaced.add(done);
    }
    try {
      CompletableFuture.allOf(replaced.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("not every link took the new video in time: {}", e.toString());
    }
  }

  /**
   * New ICE servers (fresh TURN credentials) for links made from now on and for the candidates
   * that the links already made gather from now on (ICE restarts).
   */
  void useIceServers(List<IceServer> servers) {
    RTCConfiguration fresh = configuration(servers);
    configuration = fresh;
    links.values().forEach(link -> link.post(() -> link.useConfiguration(fresh)));
  }

  /** What we send to each peer now. */
  SendQuality sendQuality() {
    return ladder.quality(liveLinks() + 1);
  }

  /** A stats tick: whether an encoder strained; steps on the ladder when the pressure changes. */
  void observe(boolean strained) {
    if (ladder.observe(strained)) {
      log.info("sending pressure now {}", ladder.pressure());
      updateQuality();
    }
  }

  /**
   * Closes every connection, each on its own executor, and waits (at most 20 s), so that the
   * caller may close the media engine (sources, factory) afterwards. The listener hears nothing.
   */
  void closeAll() {
    List<CompletableFuture<Void>> closing = links.values().stream().map(PeerLink::dispose).toList();
    links.clear();
    if (media.pattern() != null) {
      media.pattern().limitRate(Integer.MAX_VALUE); // the engine may serve another call
    }
    try {
      // Closing many connections on a starved machine takes seconds: each one waits for the
      // WebRTC network and worker threads. The media engine waits for the rest (MediaEngine.close).
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("closing the peer connections did not finish in time: {}", e.toString());
    }
  }

  /** Gives every link the rung of the current room size and pressure. */
  private void updateQuality() {
    SendQuality quality = sendQuality();
    links.values().forEach(link -> link.post(() -> link.tracks().setQuality(quality)));
    if (media.pattern() != null) {
      media.pattern().limitRate((int) quality.maxFramerate());
    }
  }

  private int liveLinks() {
    return (int) links.values().stream().filter(link -> !link.isClosed()).count();
  }

  private RTCConfiguration configuration(List<IceServer> servers) {
    RTCConfiguration result = new RTCConfiguration();
    if (relayOnly) {
      result.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
    }
    for (IceServer server : servers) {
      RTCIceServer ice = new RTCIceServer();
      ice.urls = server.urls();
      ice.username = server.username();
      ice.password = server.credential();
      result.iceServers.add(ice);
    }
    return result;
  }

  /** Link events arrive on the link's executor and continue on the call executor. */
  private final class Events implements PeerLink.Events {
    @Override
    public void send(SignalMessage message) {
      // Dropped while reconnecting; PeerLink.resync() makes up for it.
      callExecutor.execute(() -> call.send(message));
    }

    @Override
    public void stateChanged(PeerLink link, RTCPeerConnectionState state) {
      callExecutor.execute(() -> {
        if (links.get(link.peerId()) == link) {
          call.resumption().linkState(link, state);
          call.listener().peerState(link.peerId(), state);
          if (state == RTCPeerConnectionState.FAILED && link.isClosed()) {
            updateQuality(); // the link gave up for good; the room is smaller for the ladder
          }
        }
      });
    }

    @Override
    public void joinStep(PeerLink link, JoinStep step, long nanos) {
      callExecutor.execute(() -> {
        if (links.get(link.peerId()) == link) {
          call.listener().joinStep(link.peerId(), step, nanos);
        }
      });
    }

    @Override
    public void remoteVideo(PeerLink link, VideoTrack track) {
      callExecutor.execute(() -> {
        if (links.get(link.peerId()) == link) {
          call.listener().peerVideo(link.peerId(), track);
        }
      });
    }
  }
}

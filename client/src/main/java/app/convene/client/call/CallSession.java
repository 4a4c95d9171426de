package app.convene.client.call;

import app.convene.client.media.MediaEngine;
import app.convene.client.signaling.SignalingClient;
import app.convene.client.signaling.SignalingListener;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.IceServer;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.SignalMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's presence in one room: the signaling connection and a {@link PeerLink} per
 * remote participant (a full mesh). The newcomer offers to everyone already in the room; the
 * others answer.
 *
 * <p>The call outlives its signaling socket: when it drops, the peer connections and media are
 * left alone and the session reconnects with {@link Reconnect#backoff()} for as long as the call
 * lasts, then resumes its place with the server's resume token (same peer id; see {@link
 * Resumption}).
 *
 * <p>Threading: all state lives on one "call" executor, which makes every peer connection call in
 * order and calls the {@link CallListener}. Public methods may be called from any thread.
 */
public final class CallSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  private final MediaEngine media;
  private final CallListener listener;
  private final ExecutorService executor;
  private final CompletableFuture<Joined> joinedFuture = new CompletableFuture<>();
  private final Map<String, PeerLink> links = new LinkedHashMap<>();
  private final long joinNanos = System.nanoTime();
  private final JoinTicket ticket;
  private final Reconnect reconnect;
  private final Resumption resumption;
  private SignalingClient signaling; // null while reconnecting
  private int generation; // of the current socket; events of older sockets are ignored
  private boolean tokenRefused; // the last upgrade got HTTP 401: renew the token first
  private RTCConfiguration configuration;
  private volatile String localId; // written on the call executor; read by localId() anywhere
  private VideoTrack outgoingVideo;
  private boolean ended;

  private CallSession(
      MediaEngine media, CallListener listener, JoinTicket ticket, Reconnect reconnect) {
    this.media = media;
    this.listener = listener;
    this.ticket = ticket;
    this.reconnect = reconnect;
    this.resumption = new Resumption(this);
    String room = ticket.roomId();
    // Late native callbacks after close are dropped rather than thrown on WebRTC threads.
    this.executor =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "call-" + room);
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.DiscardPolicy());
  }

  /**
   * Connects to the signaling server and joins a room. The future completes when the server
   * admitted us, and fails with the server's message (e.g. the room is full) or the network error.
   * The media engine stays the caller's: close the session before the engine.
   */
  public static CompletableFuture<CallSession> join(
      JoinTicket ticket, MediaEngine media, CallListener listener) {
    return join(ticket, media, listener, Reconnect.withTokens(ticket::accessToken));
  }

  /**
   * Like {@link #join(JoinTicket, MediaEngine, CallListener)}; after a drop the session reconnects
   * as {@code reconnect} says, with a token from its {@link TokenSource} each time.
   */
  public static CompletableFuture<CallSession> join(
      JoinTicket ticket, MediaEngine media, CallListener listener, Reconnect reconnect) {
    Objects.requireNonNull(ticket, "ticket == null");
    Objects.requireNonNull(media, "media == null");
    Objects.requireNonNull(listener, "listener == null");
    Objects.requireNonNull(reconnect, "reconnect == null");
    CallSession session = new CallSession(media, listener, ticket, reconnect);
    return SignalingClient.connect(
            ticket.server(), ticket.accessToken(), session.new Inbound(0), session.executor)
        .thenCompose(
            client -> {
              session.executor.execute(() -> session.signaling = client);
              client.send(session.joinMessage());
              return session.joinedFuture;
            })
        .thenApply(joined -> session)
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                session.close();
              }
            });
  }

  /** {@link System#nanoTime()} when this session began to join. */
  public long joinNanos() {
    return joinNanos;
  }

  /**
   * Our peer id in the room: the first join's, or the one we were given when the server could not
   * resume our place and we joined afresh.
   */
  public CompletableFuture<String> localId() {
    return joinedFuture.thenApply(first -> localId != null ? localId : first.peerId());
  }

  public void setMicrophoneEnabled(boolean enabled) {
    executor.execute(() -> media.audioTrack().setEnabled(enabled));
  }

  public void setCameraEnabled(boolean enabled) {
    executor.execute(() -> media.cameraTrack().setEnabled(enabled));
  }

  /** Sends {@code track} (a screen, another camera) to every peer instead of the current video. */
  public void sendVideo(VideoTrack track) {
    executor.execute(() -> installVideo(track));
  }

  /** Runs {@code task} on the call executor, where the media engine may be used. */
  public CompletableFuture<Void> onCallThread(Runnable task) {
    return CompletableFuture.runAsync(task, executor);
  }

  /** Installs a new outgoing video on every link; call on the call executor. */
  public void installVideo(VideoTrack track) {
    outgoingVideo = track;
    links.values().forEach(link -> link.replaceVideo(track));
  }

  /** A statistics snapshot of every peer connection. */
  public CompletableFuture<List<PeerStats>> stats() {
    return CompletableFuture.supplyAsync(() -> List.copyOf(links.values()), executor)
        .thenCompose(
            current -> {
              List<CompletableFuture<PeerStats>> all = new ArrayList<>();
              for (PeerLink link : current) {
                all.add(
                    Rtc.stats(link.connection())
                        .thenApply(report -> StatsReader.read(link, report, joinNanos)));
              }
              return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                  .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
            });
  }

  /** Leaves the room, closes every peer connection and the signaling connection. Idempotent. */
  @Override
  public void close() {
    if (executor.isShutdown()) {
      return;
    }
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> end("You left the call", true), executor);
    try {
      done.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("closing the call did not finish cleanly: {}", e.toString());
    }
    executor.shutdown();
  }

  private void end(String reason, boolean sayGoodbye) {
    if (ended) {
      return;
    }
    ended = true;
    generation++; // a socket still connecting is closed when it opens
    links.values().forEach(PeerLink::close);
    links.clear();
    if (signaling != null) {
      if (sayGoodbye && joinedFuture.isDone()) {
        signaling.send(new Leave());
      }
      signaling.close();
    }
    if (!joinedFuture.isDone()) {
      joinedFuture.completeExceptionally(new CallException(reason));
    }
    listener.ended(reason);
  }

  private void onJoined(Joined joined) {
    if (localId != null) {
      resumption.joinedAgain(joined);
      return;
    }
    firstJoined(joined);
  }

  /** Our first {@code joined} in this room, or the first after the server gave our place up. */
  void firstJoined(Joined joined) {
    localId = joined.peerId();
    resumption.remember(joined);
    configuration = configuration(joined.iceServers());
    outgoingVideo = media.cameraTrack();
    log.info("joined room {} as {} with {} peer(s)", joined.room(), localId, joined.peers().size());
    listener.joined(joined);
    joinedFuture.complete(joined);
    for (Peer peer : joined.peers()) {
      addLink(peer, true);
    }
  }

  PeerLink addLink(Peer peer, boolean offer) {
    PeerLink link =
        new PeerLink(peer, localId, media.factory(), configuration, executor, new LinkEvents());
    links.put(peer.peerId(), link);
    listener.peerAdded(peer);
    link.start(media.audioTrack(), outgoingVideo, offer);
    return link;
  }

  void removeLink(String peerId) {
    PeerLink link = links.remove(peerId);
    if (link != null) {
      link.close();
      listener.peerRemoved(peerId);
    }
  }

  private static RTCConfiguration configuration(List<IceServer> servers) {
    RTCConfiguration configuration = new RTCConfiguration();
    for (IceServer server : servers) {
      RTCIceServer ice = new RTCIceServer();
      ice.urls = server.urls();
      ice.username = server.username();
      ice.password = server.credential();
      configuration.iceServers.add(ice);
    }
    return configuration;
  }

  /** Signaling input of one socket, on the call executor. */
  private final class Inbound implements SignalingListener {
    private final int socket;

    Inbound(int socket) {
      this.socket = socket;
    }

    @Override
    public void onMessage(SignalMessage message) {
      if (ended || socket != generation) {
        return;
      }
      if (message instanceof Notice) {
        return; // for the notice feed, not the call
      }
      if (localId == null && !(message instanceof Joined) && !(message instanceof ErrorMessage)) {
        log.warn("ignoring {} that arrived before the join reply", message.getClass().getSimpleName());
        return;
      }
      switch (message) {
        case Joined joined -> onJoined(joined);
        case PeerJoined joined -> {
          resumption.heardOf(joined.peer().peerId());
          if (!links.containsKey(joined.peer().peerId())) {
            addLink(joined.peer(), false);
          }
        }
        case PeerLeft left -> removeLink(left.peerId());
        case Offer offer -> {
          resumption.heardOf(offer.from());
          linkFor(offer.from()).onDescription(offer);
        }
        case Answer answer -> {
          resumption.heardOf(answer.from());
          PeerLink link = links.get(answer.from());
          if (link != null) {
            link.onDescription(answer);
          }
        }
        case Candidate candidate -> {
          resumption.heardOf(candidate.from());
          PeerLink link = links.get(candidate.from());
          if (link != null) {
            link.onCandidate(candidate);
          }
        }
        case ErrorMessage error -> onError(error);
        case Join join -> log.warn("unexpected join from the server");
        case app.convene.protocol.Leave leave -> log.warn("unexpected leave from the server");
        case Notice notice -> { } // returned above
      }
    }

    @Override
    public void onClosed(String reason) {
      if (ended || socket != generation) {
        return;
      }
      if (!joinedFuture.isDone()) {
        end(reason, false);
        return;
      }
      signaling = null;
      resumption.dropped(reason);
    }
  }

  /**
   * Opens a new socket (a fresh access token first, off the call thread) and sends the join that
   * resumes our place; {@code done} hears, on the call executor, whether the socket opened.
   */
  void reconnectOnce(Consumer<Throwable> done) {
    int socket = ++generation;
    // The token may need a REST refresh: blocking I/O, on a thread of its own.
    boolean renew = tokenRefused;
    CompletableFuture.supplyAsync(() -> freshToken(renew),
            task -> Thread.ofVirtual().name("call-token").start(task))
        .thenCompose(token ->
            SignalingClient.connect(ticket.server(), token, new Inbound(socket), executor))
        .whenCompleteAsync((client, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            tokenRefused = cause instanceof SignalingClient.SignInRefused;
            done.accept(failure);
          } else if (ended || socket != generation) {
            client.close();
          } else {
            signaling = client;
            client.send(joinMessage());
            done.accept(null);
          }
        }, executor);
  }

  private String freshToken(boolean renew) {
    try {
      return renew ? reconnect.tokens().renewedAccessToken() : reconnect.tokens().accessToken();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** The join to send on a new socket: resuming our place when we have a token for it. */
  Join joinMessage() {
    Join join = new Join(ticket.roomId(), ticket.name(), ticket.invite());
    String token = resumption.token();
    return token == null ? join : join.resuming(token);
  }

  /** Sends on the current socket; false while there is none. */
  boolean send(SignalMessage message) {
    SignalingClient current = signaling;
    return current != null && current.send(message);
  }

  /** Runs {@code task} on the call executor after {@code delay}, unless the call ended by then. */
  void later(Duration delay, Runnable task) {
    CompletableFuture.runAsync(() -> {
      if (!ended) {
        task.run();
      }
    }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor));
  }

  boolean isEnded() {
    return ended;
  }

  String localPeerId() {
    return localId;
  }

  Map<String, PeerLink> links() {
    return links;
  }

  CallListener listener() {
    return listener;
  }

  Reconnect reconnectSettings() {
    return reconnect;
  }

  /** Forgets every link and our peer id: the server gave our place up, we join afresh. */
  void startOver() {
    List.copyOf(links.keySet()).forEach(this::removeLink);
    localId = null;
  }

  /** Ends the call without a goodbye: the server will not have us back. */
  void endBecause(String reason) {
    end(reason, false);
  }

  /** New ICE servers (fresh TURN credentials) for links made from now on. */
  void useIceServers(List<IceServer> servers) {
    configuration = configuration(servers);
  }

  private PeerLink linkFor(String peerId) {
    PeerLink link = links.get(peerId);
    return link != null ? link : addLink(new Peer(peerId, peerId), false);
  }

  private void onError(ErrorMessage error) {
    if (resumption.handles(error)) {
      return;
    }
    if (!joinedFuture.isDone()) {
      joinedFuture.completeExceptionally(new CallException(error.message(), error.code()));
      return;
    }
    log.warn("server error {}: {}", error.code(), error.message());
    listener.serverError(error.message());
  }

  private final class LinkEvents implements PeerLink.Events {
    @Override
    public void send(SignalMessage message) {
      CallSession.this.send(message); // dropped while reconnecting; resync() makes up for it
    }

    @Override
    public void stateChanged(PeerLink link, RTCPeerConnectionState state) {
      resumption.linkState(link, state);
      listener.peerState(link.peerId(), state);
    }

    @Override
    public void remoteVideo(PeerLink link, VideoTrack track) {
      listener.peerVideo(link.peerId(), track);
    }
  }
}

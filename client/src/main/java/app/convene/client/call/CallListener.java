package app.convene.client.call;

import app.convene.protocol.Joined;
import app.convene.protocol.Peer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;

/**
 * What a {@link CallSession} reports. Every method is called on the session's call executor and
 * must not block; a UI hands each call to its own thread (JavaFX: {@code Platform.runLater}).
 */
public interface CallListener {
  /** The server admitted us to the room. */
  default void joined(Joined joined) {}

  /** A participant is in the room (already there when we joined, or joined after us). */
  default void peerAdded(Peer peer) {}

  /** The connection to a participant changed state. */
  default void peerState(String peerId, RTCPeerConnectionState state) {}

  /** A participant's video track arrived; add a sink to draw it (and release every frame). */
  default void peerVideo(String peerId, VideoTrack track) {}

  /** A participant left or dropped; their connection is closed. */
  default void peerRemoved(String peerId) {}

  /**
   * A step of the join happened at {@code nanos} ({@link System#nanoTime()}): the room's steps once
   * per call with a null {@code peerId}, every other step once per participant's link.
   */
  default void joinStep(String peerId, JoinStep step, long nanos) {}

  /** The server reported an error about something we sent. */
  default void serverError(String message) {}

  /**
   * The signaling connection dropped (or the server is restarting); the call and its media go on
   * while the session reconnects.
   *
   * @param reason why it dropped, for logs
   */
  default void reconnecting(String reason) {}

  /**
   * Back in the room after {@link #reconnecting}, with the same peer id (or, when the server gave
   * our place up, a new one and every link set up anew).
   *
   * @param nanos how long the socket was away, in nanoseconds
   */
  default void reconnected(long nanos) {}

  /**
   * Every 2 s while the call lasts: a statistics snapshot of every peer connection (the same
   * figures {@link CallSession#stats()} gives).
   */
  default void stats(List<PeerStats> peers) {}

  /**
   * The call moved to {@code state} (see {@link CallState} for the edges); called before the
   * edge's own method ({@link #reconnecting}, {@link #reconnected}, {@link #ended}).
   */
  default void stateChanged(CallState state) {}

  /**
   * The call ended, once: we hung up, the server took us out of the room or would not have us
   * back, or the connection failed before we were admitted.
   */
  default void ended(CallEnd end) {}
}

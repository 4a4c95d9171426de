package app.convene.client.call;

/**
 * The steps of joining a call, in the order a newcomer meets them, from the signaling socket to
 * the first decoded frame of a participant's video. {@link CallListener#joinStep} hears the room's
 * steps ({@link #SIGNALING_OPEN}, {@link #JOINED}) once per call and every other step once per
 * link, with the {@link System#nanoTime()} it happened at: what a join breakdown is made of
 * (docs/benchmarks.md, "Where a join's time goes").
 */
public enum JoinStep {
  /** The signaling WebSocket is open (the join request is sent at once). */
  SIGNALING_OPEN,
  /** The server's reply to the join: we are in the room and know who else is. */
  JOINED,
  /** The peer connection to a participant exists. */
  LINK_CREATED,
  /** Our offer went to the server (the newcomer offers). */
  OFFER_SENT,
  /** A participant's offer arrived (the one already in the room receives it). */
  OFFER_RECEIVED,
  /** Our answer went to the server. */
  ANSWER_SENT,
  /** The participant's answer arrived. */
  ANSWER_RECEIVED,
  /** Our first ICE candidate went to the server. */
  CANDIDATE_SENT,
  /** The participant's first ICE candidate arrived. */
  CANDIDATE_RECEIVED,
  /**
   * libwebrtc's (legacy) ICE connection state became connected. It waits for the DTLS transport
   * to be writable too, so it comes at about the moment of {@link #CONNECTED}, in either order
   * (webrtc-java 0.14 does not pass on the ICE-only, standardized state).
   */
  ICE_CONNECTED,
  /** DTLS is done: the peer connection is connected and media may flow. */
  CONNECTED,
  /** The participant's video track arrived (its first packets may still be on the way). */
  VIDEO_TRACK,
  /** The first frame of the participant's video was decoded. */
  FIRST_FRAME;

  /** Whether the step belongs to the room, not to one participant's link. */
  public boolean ofRoom() {
    return this == SIGNALING_OPEN || this == JOINED;
  }
}

package app.convene.protocol.api;

/** Which service a meeting runs on. */
public enum ServiceKind {
  /** A peer-to-peer call in the Convene app, through our signaling server. */
  NATIVE,
  /** A Google Calendar event with a Google Meet link, opened in the browser. */
  GOOGLE_MEET
}

package app.convene.protocol.api;

/** The life of a meeting: scheduled, in progress once someone joined, completed, or cancelled. */
public enum EventStatus {
  SCHEDULED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}

package app.convene.server.mail;

/** What an invitation e-mail tells its recipient, and the iTIP method (RFC 5546) it carries. */
enum InviteKind {
  /** A new meeting, or one the recipient was just added to: METHOD:REQUEST. */
  INVITATION(true),
  /** A meeting the recipient was invited to changed: METHOD:REQUEST with a higher SEQUENCE. */
  UPDATE(true),
  /** The meeting was cancelled: METHOD:CANCEL, STATUS:CANCELLED. */
  CANCELLATION(false),
  /** The recipient was taken off the meeting: METHOD:CANCEL for them alone. */
  REMOVAL(false);

  private final boolean request;

  InviteKind(boolean request) {
    this.request = request;
  }

  /** REQUEST or CANCEL. */
  String method() {
    return request ? "REQUEST" : "CANCEL";
  }

  /** Whether the meeting goes on for the recipient (and so the message carries the join link). */
  boolean isRequest() {
    return request;
  }
}

package app.convene.client.google;

/** An answer to a Google invitation, as the attendee's {@code responseStatus} holds it. */
public enum Rsvp {
  ACCEPTED("accepted"),
  TENTATIVE("tentative"),
  DECLINED("declined");

  private final String responseStatus;

  Rsvp(String responseStatus) {
    this.responseStatus = responseStatus;
  }

  /** Google's value: {@code accepted}, {@code tentative} or {@code declined}. */
  public String responseStatus() {
    return responseStatus;
  }

  /** The answer {@code responseStatus} stands for; empty for {@code needsAction} or unknown. */
  public static java.util.Optional<Rsvp> of(String responseStatus) {
    for (Rsvp rsvp : values()) {
      if (rsvp.responseStatus.equals(responseStatus)) {
        return java.util.Optional.of(rsvp);
      }
    }
    return java.util.Optional.empty();
  }
}

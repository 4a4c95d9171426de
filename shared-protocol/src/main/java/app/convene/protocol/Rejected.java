package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * A peer's word that it could not use an {@code offer}, {@code answer} or {@code candidate} we
 * sent it: its WebRTC stack refused the SDP or the candidate. Relayed like an {@link Offer}. It is
 * information for the sender's logs, never an order: a receiver does nothing else with it.
 *
 * @param about the {@code type} of the refused message: {@code offer}, {@code answer} or
 *     {@code candidate}
 * @param reason the WebRTC stack's reason, one line of at most {@link #MAX_REASON} characters,
 *     without the SDP itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejected(String from, String to, String about, String reason)
    implements SignalMessage.Relayed {
  /** The longest {@code reason} accepted. */
  public static final int MAX_REASON = 200;

  private static final Set<String> ABOUT = Set.of("offer", "answer", "candidate");

  public Rejected {
    Fields.required(to, "to");
    Fields.required(about, "about");
    if (!ABOUT.contains(about)) {
      throw new IllegalArgumentException(
          "'about' must be offer, answer or candidate, not '" + about + "'");
    }
    Fields.required(reason, "reason");
    if (reason.length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "'reason' has " + reason.length() + " characters; at most " + MAX_REASON);
    }
  }

  public Rejected(String to, String about, String reason) {
    this(null, to, about, reason);
  }

  @Override
  public Rejected withFrom(String from) {
    return new Rejected(from, to, about, reason);
  }
}

package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An SDP offer for one peer. The client sends it with {@code to}; the server forwards it to that
 * peer with {@code from} set to the sender.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(String from, String to, String sdp) implements SignalMessage.Relayed {
  public Offer {
    Fields.required(to, "to");
    Fields.required(sdp, "sdp");
  }

  public Offer(String to, String sdp) {
    this(null, to, sdp);
  }

  @Override
  public Offer withFrom(String from) {
    return new Offer(from, to, sdp);
  }
}

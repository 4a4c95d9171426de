package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The SDP answer to an {@link Offer}; relayed like it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(String from, String to, String sdp) implements SignalMessage.Relayed {
  public Answer {
    Fields.required(to, "to");
    Fields.required(sdp, "sdp");
  }

  public Answer(String to, String sdp) {
    this(null, to, sdp);
  }

  @Override
  public Answer withFrom(String from) {
    return new Answer(from, to, sdp);
  }
}

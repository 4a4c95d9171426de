package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ICE candidate for one peer, in the fields of the WebRTC {@code RTCIceCandidateInit}
 * dictionary; relayed like an {@link Offer}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(String from, String to, String sdpMid, int sdpMLineIndex, String candidate)
    implements SignalMessage.Relayed {
  public Candidate {
    Fields.required(to, "to");
    Fields.required(candidate, "candidate");
  }

  public Candidate(String to, String sdpMid, int sdpMLineIndex, String candidate) {
    this(null, to, sdpMid, sdpMLineIndex, candidate);
  }

  @Override
  public Candidate withFrom(String from) {
    return new Candidate(from, to, sdpMid, sdpMLineIndex, candidate);
  }
}

package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One message of the signaling protocol, client to server or server to client.
 *
 * <p>On the wire every message is a JSON object whose {@code type} field names the record below;
 * {@link SignalCodec} is the only entry point for reading and writing them. The order of a call is
 * described in {@code docs/protocol.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Join.class, name = "join"),
    @JsonSubTypes.Type(value = Joined.class, name = "joined"),
    @JsonSubTypes.Type(value = PeerJoined.class, name = "peer-joined"),
    @JsonSubTypes.Type(value = PeerLeft.class, name = "peer-left"),
    @JsonSubTypes.Type(value = Offer.class, name = "offer"),
    @JsonSubTypes.Type(value = Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = Candidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = View.class, name = "view"),
    @JsonSubTypes.Type(value = Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ErrorMessage.class, name = "error"),
    @JsonSubTypes.Type(value = Notice.class, name = "notice"),
    @JsonSubTypes.Type(value = Removed.class, name = "removed"),
})
public sealed interface SignalMessage
    permits Join, Joined, PeerJoined, PeerLeft, SignalMessage.Relayed, Leave, ErrorMessage,
        Notice, Removed {

  /** A message that the server forwards from one peer to another. */
  sealed interface Relayed extends SignalMessage permits Offer, Answer, Candidate, Rejected, View {
    /** The sender's peer id; set by the server, absent when a client sends the message. */
    String from();

    /** The addressee's peer id. */
    String to();

    /** The same message stamped with its sender, as the server forwards it. */
    Relayed withFrom(String from);
  }
}

package app.convene.server.signaling;

import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.ErrorMessage;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Notice;
import app.convene.protocol.Offer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.PeerLeft;
import app.convene.protocol.Rejected;
import app.convene.protocol.Removed;
import app.convene.protocol.SignalMessage;

/** The wire {@code type} of each message, for the {@code ref} of errors and for logs. */
final class MessageTypes {
  private MessageTypes() {}

  static String of(SignalMessage message) {
    return switch (message) {
      case Join _ -> "join";
      case Joined _ -> "joined";
      case PeerJoined _ -> "peer-joined";
      case PeerLeft _ -> "peer-left";
      case Offer _ -> "offer";
      case Answer _ -> "answer";
      case Candidate _ -> "candidate";
      case Rejected _ -> "rejected";
      case Leave _ -> "leave";
      case ErrorMessage _ -> "error";
      case Notice _ -> "notice";
      case Removed _ -> "removed";
    };
  }
}

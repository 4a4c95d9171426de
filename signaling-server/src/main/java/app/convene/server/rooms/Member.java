package app.convene.server.rooms;

import app.convene.protocol.Peer;
import app.convene.protocol.SignalMessage;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A participant of a room: who it is and where its messages go.
 *
 * @param peer the participant as the other members see it
 * @param outbox takes messages for the participant; must return at once and may be called from
 *     any thread, also while the caller holds a lock
 */
public record Member(Peer peer, Consumer<SignalMessage> outbox) {
  public Member {
    Objects.requireNonNull(peer, "peer == null");
    Objects.requireNonNull(outbox, "outbox == null");
  }

  public String peerId() {
    return peer.peerId();
  }

  /** Hands a message to the participant's outbox. */
  public void send(SignalMessage message) {
    outbox.accept(message);
  }
}

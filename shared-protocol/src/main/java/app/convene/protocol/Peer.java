package app.convene.protocol;

/**
 * A participant of a room as the others see it.
 *
 * @param peerId the id the server gave the participant's connection; unique on the server
 * @param name the display name the participant joined with
 */
public record Peer(String peerId, String name) {
  public Peer {
    Fields.required(peerId, "peerId");
    Fields.required(name, "name");
  }
}

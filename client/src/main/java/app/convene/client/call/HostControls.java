package app.convene.client.call;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.protocol.api.RoomView;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What the host of a room may do to its call, through the server's REST API (docs/api.md, "Host
 * controls"): lock or unlock the room, renew its invite link, remove a participant, end the call
 * for everyone. JavaFX-free.
 *
 * <p>Every method returns at once; the request runs on the {@code io} executor and the future
 * completes there, failing with the server's {@link ApiException} (e.g. 403 for a non-host).
 */
public final class HostControls {
  private final ApiClient api;
  private final String roomId;
  private final Executor io;

  /**
   * @param api signed in as the room's host
   * @param io runs the blocking requests
   */
  public HostControls(ApiClient api, String roomId, Executor io) {
    this.api = Objects.requireNonNull(api, "api == null");
    this.roomId = Objects.requireNonNull(roomId, "roomId == null");
    this.io = Objects.requireNonNull(io, "io == null");
  }

  public String roomId() {
    return roomId;
  }

  /** Locks ({@code true}) or unlocks the room; completes with the room as it is now. */
  public CompletableFuture<RoomView> lock(boolean locked) {
    return call(() -> api.lockRoom(roomId, locked));
  }

  /** A new invite link; the old one admits nobody from now on. Completes with the room. */
  public CompletableFuture<RoomView> renewInvite() {
    return call(() -> api.renewInvite(roomId));
  }

  /** Takes the participant with this peer id out of the call. */
  public CompletableFuture<Void> remove(String peerId) {
    Objects.requireNonNull(peerId, "peerId == null");
    return call(() -> {
      api.removeParticipant(roomId, peerId);
      return null;
    });
  }

  /** Ends the call for everyone in it, the host included. */
  public CompletableFuture<Void> endForAll() {
    return call(() -> {
      api.endForAll(roomId);
      return null;
    });
  }

  private <T> CompletableFuture<T> call(Request<T> request) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return request.send();
      } catch (ApiException e) {
        throw new CompletionException(e);
      }
    }, io);
  }

  @FunctionalInterface
  private interface Request<T> {
    T send() throws ApiException;
  }
}

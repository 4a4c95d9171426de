package app.convene.client.call.ui;

import app.convene.client.call.HostControls;
import app.convene.client.call.InviteLink;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.RoomView;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The host's part of the call window: whether we host the call, whether the room is locked, its
 * invite link, and the host's commands. Read-only properties and commands, FX thread only; the
 * requests go through {@link HostControls} and their outcome comes back through {@code fx}.
 */
public final class HostModel {
  private final Executor fx;
  private final Consumer<String> status;
  private final ReadOnlyBooleanWrapper host = new ReadOnlyBooleanWrapper(this, "host");
  private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
  private final ReadOnlyStringWrapper inviteLink = new ReadOnlyStringWrapper(this, "inviteLink", "");
  private final Map<String, String> removing = new HashMap<>(); // names by peer id
  private HostControls controls; // set once we know we host the room
  private boolean over;

  HostModel(Executor fx, Consumer<String> status) {
    this.fx = fx;
    this.status = status;
  }

  /** Whether we host the room and the call goes on: the host's controls are offered. */
  public ReadOnlyBooleanProperty hostProperty() {
    return host.getReadOnlyProperty();
  }

  /** Whether the room is locked (known to the host only). */
  public ReadOnlyBooleanProperty lockedProperty() {
    return locked.getReadOnlyProperty();
  }

  /** The room's invite link, for the host to share; empty for everyone else. */
  public ReadOnlyStringProperty inviteLinkProperty() {
    return inviteLink.getReadOnlyProperty();
  }

  /**
   * We host this room: the window offers the host's controls and the room's invite link.
   *
   * @param room the room as the server showed it to us (whether it is locked)
   */
  public void hostWith(HostControls hostControls, RoomView room) {
    controls = Objects.requireNonNull(hostControls, "hostControls == null");
    locked.set(room.locked());
    showInvite(room);
    host.set(!over);
  }

  /** Locks the room against newcomers, or unlocks it. */
  public void toggleLock() {
    act(controls().lock(!locked.get()), room -> {
      locked.set(room.locked());
      status.accept(Messages.get(room.locked() ? "call.locked" : "call.unlocked"));
    }, () -> {});
  }

  /** A new invite link replaces the old one, which stops working. */
  public void renewInvite() {
    act(controls().renewInvite(), room -> {
      showInvite(room);
      status.accept(Messages.get("call.inviteRenewed"));
    }, () -> {});
  }

  /** Takes the participant of {@code tile} out of the call; its leaving then says so. */
  public void remove(TileModel tile) {
    String peerId = tile.getPeerId();
    removing.put(peerId, tile.getName());
    act(controls().remove(peerId), done -> {}, () -> removing.remove(peerId));
  }

  /** Ends the call for everyone, us included. */
  public void endForEveryone() {
    act(controls().endForAll(), done -> {}, () -> {});
  }

  /** The name of a participant we removed who has now left, or {@code null}. */
  String removedName(String peerId) {
    return removing.remove(peerId);
  }

  /** The call ended: no host controls any more. */
  void callEnded() {
    over = true;
    host.set(false);
  }

  private void showInvite(RoomView room) {
    if (room.inviteToken() != null) {
      inviteLink.set(new InviteLink(room.id(), room.inviteToken()).toString());
    }
  }

  private HostControls controls() {
    if (controls == null) {
      throw new IllegalStateException("not the host of this room");
    }
    return controls;
  }

  private <T> void act(CompletableFuture<T> action, Consumer<T> then, Runnable failed) {
    action.whenCompleteAsync((result, failure) -> {
      if (failure != null) {
        failed.run();
        status.accept(Messages.format("call.hostFailed", Failures.rootMessage(failure)));
      } else {
        then.accept(result);
      }
    }, fx);
  }
}

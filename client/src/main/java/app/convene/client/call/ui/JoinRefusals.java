package app.convene.client.call.ui;

import app.convene.client.call.CallException;
import app.convene.client.i18n.Messages;
import app.convene.protocol.ErrorCode;
import java.util.concurrent.CompletionException;

/** A refused join in the user's language: the room is full or locked. */
final class JoinRefusals {
  private JoinRefusals() {}

  /** {@code e} with a refusal's message in the user's language; other failures pass unchanged. */
  static CompletionException forUser(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof CallException refused && refused.code() == ErrorCode.ROOM_FULL) {
      return new CompletionException(
          new CallException(Messages.get("call.roomFull"), refused.code()));
    }
    if (cause instanceof CallException refused && refused.code() == ErrorCode.ROOM_LOCKED) {
      return new CompletionException(
          new CallException(Messages.get("call.roomLocked"), refused.code()));
    }
    return e instanceof CompletionException wrapped ? wrapped : new CompletionException(e);
  }
}

package app.convene.server.http;

import app.convene.protocol.api.UserView;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in user making a request, as its access token and the users table say.
 *
 * @param email the account's address, in lower case
 * @param emailVerified whether the address is verified; until it is, the address's invitations
 *     give the account nothing (no meetings listed, no notices, no joining)
 */
public record Caller(UUID id, String email, String displayName, boolean emailVerified) {
  public Caller {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(displayName, "displayName == null");
  }

  public UserView toView() {
    return new UserView(id.toString(), email, displayName);
  }
}

package app.convene.server.auth;

import app.convene.server.http.Caller;
import java.util.Objects;

/**
 * The user behind an access token and the sign-in session it belongs to ({@code null} for tokens
 * issued before sessions were named).
 */
public record SignedIn(Caller caller, String session) {
  public SignedIn {
    Objects.requireNonNull(caller, "caller == null");
  }
}

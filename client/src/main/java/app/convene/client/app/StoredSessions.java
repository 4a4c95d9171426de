package app.convene.client.app;

import app.convene.client.account.SessionStore;
import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.tls.ServerTrust;
import java.net.URI;
import java.time.Clock;

/** The session stored from the last run: whether to resume it, and whether it still holds. */
final class StoredSessions {
  private StoredSessions() {}

  /**
   * The stored session's client, or null; also null when {@code --server} names another server
   * than the session's (the user asked for that one: sign in there). Background thread.
   *
   * @param explicitServer the {@code --server} given, or null
   */
  static ApiClient read(SessionStore store, URI explicitServer, Clock clock,
      ServerTrust trust) {
    return store.load()
        .filter(saved -> explicitServer == null || sameServer(saved.server(), explicitServer))
        .map(saved -> new ApiClient(saved.server(), saved.session(),
            s -> store.save(saved.server(), s), clock, trust)).orElse(null);
  }

  /** Whether two addresses name one server: the same scheme, host and port. */
  static boolean sameServer(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getAuthority() != null && a.getAuthority().equalsIgnoreCase(b.getAuthority());
  }

  /**
   * Whether the server still takes the session: only its refusal (401) says no. An unreachable
   * server, or one that fails (a proxy's 502 while it restarts), keeps the cached calendar and
   * the session; signing out would revoke it.
   */
  static boolean stillValid(ApiClient api) {
    try {
      api.me();
      return true;
    } catch (ApiException e) {
      return e.status() != 401;
    }
  }
}

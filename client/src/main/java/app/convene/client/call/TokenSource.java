package app.convene.client.call;

import app.convene.client.api.ApiClient;
import java.util.Objects;

/**
 * Supplies a valid access token for each (re)connection of a call's signaling socket. Called on a
 * background thread; may block.
 */
@FunctionalInterface
public interface TokenSource {
  /** The current token, refreshed first if it is about to expire. */
  String accessToken() throws Exception;

  /**
   * A new token after the server refused the last one (HTTP 401 on the upgrade: e.g. its token
   * secret changed, or the clocks disagree). By default the same as {@link #accessToken()}.
   */
  default String renewedAccessToken() throws Exception {
    return accessToken();
  }

  /** The tokens of a signed-in REST session: {@code accessToken()}, renewed with a refresh. */
  static TokenSource of(ApiClient api) {
    Objects.requireNonNull(api, "api == null");
    return new TokenSource() {
      @Override
      public String accessToken() throws Exception {
        return api.accessToken();
      }

      @Override
      public String renewedAccessToken() throws Exception {
        return api.refresh().accessToken();
      }
    };
  }
}

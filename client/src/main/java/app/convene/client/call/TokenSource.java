package app.convene.client.call;

/**
 * Supplies a valid access token for each (re)connection of a call's signaling socket, e.g. {@code
 * ApiClient::accessToken}, which refreshes an expiring one over REST. Called on a background
 * thread; may block.
 */
@FunctionalInterface
public interface TokenSource {
  String accessToken() throws Exception;
}

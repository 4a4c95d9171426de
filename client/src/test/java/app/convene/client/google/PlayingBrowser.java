package app.convene.client.google;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Plays the user's browser: loads the consent URL (the fake answers with the redirect Google would
 * send after "Allow") and follows it to the app's loopback address. {@code tamper} may change the
 * redirect first, as a forged response would.
 */
final class PlayingBrowser implements BrowserOpener {
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final UnaryOperator<URI> tamper;
  final List<URI> opened = new CopyOnWriteArrayList<>();
  volatile HttpResponse<String> lastPage;

  PlayingBrowser() {
    this(UnaryOperator.identity());
  }

  PlayingBrowser(UnaryOperator<URI> tamper) {
    this.tamper = tamper;
  }

  @Override
  public void open(URI uri) throws IOException {
    BrowserOpener.requireWebAddress(uri);
    opened.add(uri);
    HttpResponse<String> consent = get(uri);
    String location = consent.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("consent page did not redirect: " + consent.statusCode() + " " + consent.body()));
    lastPage = get(tamper.apply(URI.create(location)));
  }

  URI consentUri() {
    return opened.getLast();
  }

  private HttpResponse<String> get(URI uri) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}

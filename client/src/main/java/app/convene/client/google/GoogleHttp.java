package app.convene.client.google;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import java.time.Duration;

/** The one place that builds Google library clients: transport, JSON, time-outs, root URL. */
final class GoogleHttp {
  static final JsonFactory JSON = GsonFactory.getDefaultInstance();
  static final String APPLICATION_NAME = "Convene";
  private static final int CONNECT_TIMEOUT_MS = (int) Duration.ofSeconds(10).toMillis();
  private static final int READ_TIMEOUT_MS = (int) Duration.ofSeconds(30).toMillis();

  private GoogleHttp() {}

  /** A transport over the JDK's HTTP client, trusting the JDK's certificate store. */
  static HttpTransport transport() {
    return new NetHttpTransport();
  }

  /** Calendar v3 at the configured root, authorised by {@code credential}. */
  static Calendar calendar(HttpTransport transport, GoogleConfig config, Credential credential) {
    return new Calendar.Builder(
            transport,
            JSON,
            request -> {
              credential.initialize(request);
              request.setConnectTimeout(CONNECT_TIMEOUT_MS);
              request.setReadTimeout(READ_TIMEOUT_MS);
            })
        .setRootUrl(config.endpoints().calendarRoot().toString())
        .setApplicationName(APPLICATION_NAME)
        .build();
  }
}

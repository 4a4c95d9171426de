package app.convene.client.api;

import app.convene.client.tls.ServerTrust;
import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.RestJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The HTTP plumbing under {@link ApiClient}: one server's address and trust, the shared OkHttp
 * client, JSON in and out, and every failure (unreachable, silent, untrusted, not our API, the
 * server's error) as an {@link ApiException} in words. Knows nothing of sessions or endpoints.
 * Calls block; thread-safe.
 */
final class ApiTransport {
  private static final MediaType JSON = MediaType.get("application/json");
  static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  /**
   * The shared HTTP client, built on the first request: building it sets up TLS (the JDK's
   * security providers and trusted certificates), some 0.3 s on a cold JVM that the start-up,
   * which shows the calendar from its offline copy first, does not wait for.
   */
  private static final class Http {
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(READ_TIMEOUT)
        .build();
  }

  private final HttpUrl base;
  private final ServerTrust trust;
  private final Duration readTimeout;
  private volatile OkHttpClient http;

  ApiTransport(HttpUrl base, ServerTrust trust, Duration readTimeout) {
    this.base = Objects.requireNonNull(base, "base == null");
    this.trust = Objects.requireNonNull(trust, "trust == null");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout == null");
  }

  HttpUrl base() {
    return base;
  }

  ServerTrust trust() {
    return trust;
  }

  /**
   * The shared client, with this instance's trust for an {@code https://} server (sharing the
   * shared one's pool and threads); a plain {@code http://} server, such as the embedded one, does
   * not wait for the certificate stores to be read.
   */
  private OkHttpClient http() {
    if (!base.isHttps() && readTimeout.equals(READ_TIMEOUT)) {
      return Http.CLIENT;
    }
    OkHttpClient client = http;
    if (client == null) {
      OkHttpClient.Builder builder = Http.CLIENT.newBuilder().readTimeout(readTimeout);
      if (base.isHttps()) {
        builder.sslSocketFactory(trust.socketFactory(), trust.trustManager());
      }
      client = builder.build();
      http = client;
    }
    return client;
  }

  /** Sends the request; the answer read as {@code type}, or {@code null} without a type or body. */
  <T> T send(Request.Builder builder, JavaType type) throws ApiException {
    String text;
    try (Response response = http().newCall(builder.build()).execute()) {
      text = response.body().string();
      if (!response.isSuccessful()) {
        throw new ApiException(error(response.code(), text));
      }
    } catch (InterruptedIOException e) {
      throw new ApiException("the server at " + base + " did not answer within "
          + words(readTimeout), e);
    } catch (SSLHandshakeException e) {
      // The JDK's words ("PKIX path building failed: sun.security…") mean nothing to a user.
      throw new ApiException(ApiException.UNTRUSTED, "the server at " + base + " shows a"
          + " certificate this computer does not trust; if your company has its own certificate"
          + " authority, start Convene with --ca-cert=FILE", e);
    } catch (IOException e) {
      throw new ApiException("cannot reach the server at " + base
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
    try {
      return type == null || text.isEmpty() ? null : RestJson.mapper().readValue(text, type);
    } catch (JacksonException e) {
      // Jackson's words name our classes. Something answered, but not Convene's API: a wrong
      // address or a network's sign-in page, so as good as unreachable for the user.
      throw new ApiException("the server at " + base + " answered with something that is not"
          + " Convene's API (a wrong address, or a network's sign-in page?)", e);
    }
  }

  /**
   * The server's error, with the status of the HTTP answer (not a status its body claims, which a
   * proxy's body may lack), its code, message and details.
   */
  private static ApiError error(int status, String text) {
    try {
      JsonNode body = RestJson.mapper().readTree(text);
      if (body != null && body.path("message").isTextual()) {
        String code = body.path("code").isTextual() ? body.path("code").asText() : "http_" + status;
        Map<String, String> details = new HashMap<>();
        body.path("details").properties().forEach(field -> {
          if (field.getValue().isValueNode()) {
            details.put(field.getKey(), field.getValue().asText());
          }
        });
        return new ApiError(status, code, body.path("message").asText(), details);
      }
    } catch (IOException e) {
      // not one of ours: fall through
    }
    return new ApiError(status, "http_" + status, "the server answered HTTP " + status);
  }

  private static String words(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** A request to {@code path} on this server. */
  Request.Builder request(String path) {
    return new Request.Builder().url(base.newBuilder().encodedPath(path).build());
  }

  static RequestBody body(Object payload) throws ApiException {
    try {
      return RequestBody.create(RestJson.mapper().writeValueAsBytes(payload), JSON);
    } catch (IOException e) {
      throw new ApiException("cannot write the request: " + e.getMessage(), e);
    }
  }

  static JavaType type(Class<?> type) {
    return RestJson.mapper().getTypeFactory().constructType(type);
  }
}

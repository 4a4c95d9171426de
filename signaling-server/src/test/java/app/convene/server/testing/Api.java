package app.convene.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Registration;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A REST client for tests: real HTTP with OkHttp to a running server, JSON with a mapper set up the
 * way a client would (its own, not the server's).
 */
public final class Api {
  /** The client side's JSON, as the contract in docs/api.md describes it. */
  public static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final URI base;

  /**
   * @param base the server's {@code http://host:port/api/}
   */
  public Api(URI base) {
    this.base = Objects.requireNonNull(base, "base == null");
  }

  /** An answer: its status and body text. */
  public record Answer(int status, String body, String contentType) {
    /** The body of a successful answer as this type; fails the test for an error status. */
    public <T> T as(Class<T> type) {
      assertSuccess();
      return read(type, null);
    }

    public <T> T as(TypeReference<T> type) {
      assertSuccess();
      return read(null, type);
    }

    /** The body as an {@link ApiError}; asserts the status and the error's own status agree. */
    public ApiError error() {
      assertThat(status).as("an error status: %s", body).isGreaterThanOrEqualTo(400);
      ApiError error = read(ApiError.class, null);
      assertThat(error.status()).as("status in %s", body).isEqualTo(status);
      return error;
    }

    private void assertSuccess() {
      assertThat(status).as("a successful status: %s", body).isBetween(200, 299);
    }

    private <T> T read(Class<T> type, TypeReference<T> reference) {
      try {
        return type != null ? JSON.readValue(body, type) : JSON.readValue(body, reference);
      } catch (IOException e) {
        throw new AssertionError("status " + status + ", body not as expected: " + body, e);
      }
    }
  }

  /** A registered user: its session and password. */
  public record User(AuthSession session, String password) {
    public String token() {
      return session.accessToken();
    }

    public String id() {
      return session.user().id();
    }

    public String email() {
      return session.user().email();
    }
  }

  /**
   * Sends a request.
   *
   * @param path relative to {@code /api/}, e.g. {@code events?from=…}
   * @param token the access token, or {@code null} for none
   * @param body a {@code String} sent as it is, any other object as JSON, or {@code null} for none
   */
  public Answer call(String method, String path, String token, Object body) {
    Request.Builder request = new Request.Builder().url(base.resolve(path).toString());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    RequestBody content = body == null
        ? (method.equals("POST") || method.equals("PUT") ? RequestBody.create(new byte[0]) : null)
        : RequestBody.create(body instanceof String text ? text : write(body), JSON_TYPE);
    request.method(method, content);
    try (Response response = TestClient.http().newCall(request.build()).execute()) {
      return new Answer(response.code(), response.body().string(),
          response.header("Content-Type", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer get(String path, String token) {
    return call("GET", path, token, null);
  }

  public Answer post(String path, String token, Object body) {
    return call("POST", path, token, body);
  }

  public Answer put(String path, String token, Object body) {
    return call("PUT", path, token, body);
  }

  public Answer delete(String path, String token) {
    return call("DELETE", path, token, null);
  }

  /** Registers a new user with a unique address, e.g. {@code anna-1a2b3c4d@example.org}. */
  public User register(String name) {
    String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8)
        + "@example.org";
    String password = "correct horse " + name;
    Answer answer = post("auth/register", null, new Registration(email, password, name));
    assertThat(answer.status()).as("register %s: %s", email, answer.body()).isEqualTo(201);
    return new User(answer.as(AuthSession.class), password);
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

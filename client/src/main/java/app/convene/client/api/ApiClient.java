package app.convene.client.api;

import app.convene.protocol.api.RestJson;
import app.convene.protocol.Peer;
import app.convene.protocol.api.ApiError;
import app.convene.protocol.api.AuthSession;
import app.convene.protocol.api.Credentials;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.RefreshRequest;
import app.convene.protocol.api.Registration;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.UserView;
import app.convene.client.tls.ServerTrust;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The Convene server's REST API ({@code docs/api.md}). Calls block: make them off the FX thread.
 * Thread-safe. An expired access token is refreshed once, transparently; every new session is
 * handed to the {@code onSession} listener (so it can be stored) on the calling thread.
 * The HTTP plumbing and the failures in words are {@link ApiTransport}'s; here are the session
 * and the endpoints.
 */
public final class ApiClient {
  private final ApiTransport transport;
  private final HttpUrl base;
  private final Consumer<AuthSession> onSession;
  private final Clock clock;
  private volatile AuthSession session;

  /**
   * @param server the server's base address, e.g. {@code http://127.0.0.1:8787}
   * @param session the stored session, or {@code null} before sign-in
   * @param onSession told of every new session (sign-in, refresh), e.g. to store it
   * @param clock tells when the access token is about to expire (the server's clock should agree)
   */
  public ApiClient(URI server, AuthSession session, Consumer<AuthSession> onSession, Clock clock) {
    this(server, session, onSession, clock, ServerTrust.system());
  }

  /**
   * Like the other constructor, trusting these certificate authorities for HTTPS.
   *
   * @param trust the authorities, e.g. the system's and a company CA ({@code --ca-cert})
   */
  public ApiClient(URI server, AuthSession session, Consumer<AuthSession> onSession, Clock clock,
      ServerTrust trust) {
    this(server, session, onSession, clock, trust, ApiTransport.READ_TIMEOUT);
  }

  /** Like the other constructors, waiting {@code readTimeout} for an answer (tests). */
  ApiClient(URI server, AuthSession session, Consumer<AuthSession> onSession, Clock clock,
      ServerTrust trust, Duration readTimeout) {
    Objects.requireNonNull(readTimeout, "readTimeout == null");
    Objects.requireNonNull(trust, "trust == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.base = HttpUrl.get(Objects.requireNonNull(server, "server == null").toString());
    this.transport = new ApiTransport(base, trust, readTimeout);
    this.session = session;
    this.onSession = Objects.requireNonNull(onSession, "onSession == null");
  }

  /** The HTTP base address of a signaling URL ({@code ws://h:p/signal} → {@code http://h:p}). */
  public static URI httpBase(URI signaling) {
    String scheme = "wss".equals(signaling.getScheme()) ? "https" : "http";
    return URI.create(scheme + "://" + signaling.getAuthority());
  }

  public AuthSession session() {
    return session;
  }

  /** The authorities trusted for the server's certificate; the signaling socket uses them too. */
  public ServerTrust trust() {
    return transport.trust();
  }

  /** The server's HTTP base address. */
  public URI serverUri() {
    return base.uri();
  }

  public AuthSession register(String email, String password, String displayName) throws ApiException {
    return adopt(post("/api/auth/register", new Registration(email, password, displayName),
        AuthSession.class, false));
  }

  public AuthSession login(String email, String password) throws ApiException {
    return adopt(post("/api/auth/login", new Credentials(email, password), AuthSession.class, false));
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  public void logout() {
    AuthSession current = session;
    session = null;
    if (current != null) {
      try {
        transport.send(request("/api/auth/logout")
            .post(body(new RefreshRequest(current.refreshToken()))), null);
      } catch (ApiException e) {
        // Offline or already revoked: the token expires on its own.
      }
    }
  }

  /** A valid access token, refreshed first when it expires within a minute. */
  public String accessToken() throws ApiException {
    AuthSession current = requireSession();
    if (current.accessTokenExpiresAt().isBefore(clock.instant().plusSeconds(60))) {
      current = refresh();
    }
    return current.accessToken();
  }

  public AuthSession refresh() throws ApiException {
    AuthSession current = requireSession();
    return adopt(post("/api/auth/refresh", new RefreshRequest(current.refreshToken()),
        AuthSession.class, false));
  }

  public UserView me() throws ApiException {
    return get("/api/me", type(UserView.class));
  }

  public List<OccurrenceView> events(Instant from, Instant to) throws ApiException {
    HttpUrl url = base.newBuilder().encodedPath("/api/events")
        .addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString()).build();
    return authorized(new Request.Builder().url(url).get(),
        RestJson.mapper().getTypeFactory().constructType(new TypeReference<List<OccurrenceView>>() {}));
  }

  public EventView event(String id) throws ApiException {
    return get("/api/events/" + id, type(EventView.class));
  }

  public ScheduleResult schedule(EventRequest event) throws ApiException {
    return post("/api/meetings/schedule", new ScheduleRequest(event, null), ScheduleResult.class, true);
  }

  public EventView update(String id, EventRequest event) throws ApiException {
    return authorized(request("/api/events/" + id).put(body(event)), type(EventView.class));
  }

  public EventView cancel(String id) throws ApiException {
    return authorized(request("/api/events/" + id).delete(), type(EventView.class));
  }

  public RoomView room(String id) throws ApiException {
    return get("/api/rooms/" + id, type(RoomView.class));
  }

  /** Locks ({@code true}) or unlocks the room; host only. */
  public RoomView lockRoom(String id, boolean locked) throws ApiException {
    Request.Builder builder = request("/api/rooms/" + id + "/lock");
    return authorized(locked ? builder.post(body(Map.of())) : builder.delete(),
        type(RoomView.class));
  }

  /** Replaces the room's invite token; the old one admits nobody from now on. Host only. */
  public RoomView renewInvite(String id) throws ApiException {
    return authorized(request("/api/rooms/" + id + "/invite").post(body(Map.of())),
        type(RoomView.class));
  }

  /** Who is in the room's call now; host only. */
  public List<Peer> participants(String id) throws ApiException {
    return get("/api/rooms/" + id + "/participants",
        RestJson.mapper().getTypeFactory().constructType(new TypeReference<List<Peer>>() {}));
  }

  /** Takes a participant out of the room's call; host only. */
  public void removeParticipant(String id, String peerId) throws ApiException {
    authorized(request("/api/rooms/" + id + "/participants/" + peerId).delete(), null);
  }

  /** Ends the room's call for everyone in it; host only. */
  public void endForAll(String id) throws ApiException {
    authorized(request("/api/rooms/" + id + "/end").post(body(Map.of())), null);
  }

  public Preferences preferences() throws ApiException {
    return get("/api/preferences", type(Preferences.class));
  }

  public Preferences savePreferences(Preferences preferences) throws ApiException {
    return authorized(request("/api/preferences").put(body(preferences)), type(Preferences.class));
  }

  private AuthSession adopt(AuthSession next) {
    session = next;
    onSession.accept(next);
    return next;
  }

  private AuthSession requireSession() throws ApiException {
    AuthSession current = session;
    if (current == null) {
      throw new ApiException(new ApiError(401, "unauthorized", "not signed in"));
    }
    return current;
  }

  private <T> T get(String path, JavaType type) throws ApiException {
    return authorized(request(path).get(), type);
  }

  private <T> T post(String path, Object payload, Class<T> type, boolean auth) throws ApiException {
    Request.Builder builder = request(path).post(body(payload));
    return auth ? authorized(builder, type(type)) : transport.send(builder, type(type));
  }

  private <T> T authorized(Request.Builder builder, JavaType type) throws ApiException {
    builder.header("Authorization", "Bearer " + accessToken());
    try {
      return transport.send(builder, type);
    } catch (ApiException e) {
      if (e.status() != 401) {
        throw e;
      }
      // The token was refused although it looked valid (e.g. the clock is off): refresh once.
      builder.header("Authorization", "Bearer " + refresh().accessToken());
      return transport.send(builder, type);
    }
  }

  private Request.Builder request(String path) {
    return transport.request(path);
  }

  private static RequestBody body(Object payload) throws ApiException {
    return ApiTransport.body(payload);
  }

  private static JavaType type(Class<?> type) {
    return ApiTransport.type(type);
  }
}

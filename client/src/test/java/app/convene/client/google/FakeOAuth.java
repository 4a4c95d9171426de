package app.convene.client.google;

import app.convene.client.google.FakeGoogle.Reply;
import app.convene.client.google.FakeGoogle.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Google's OAuth endpoints for an installed app: the consent page (answers at once with the
 * redirect a browser would follow), the token endpoint (authorization_code with PKCE checked,
 * refresh_token) and revoke. Thread-safe.
 */
final class FakeOAuth {
  static final String CLIENT_ID = "convene-test.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "test-secret";

  private record Grant(String challenge, String redirectUri, String scope) {}

  private final Map<String, Grant> codes = new HashMap<>();
  private final Map<String, Instant> accessTokens = new HashMap<>();
  private final Map<String, String> refreshOfAccess = new HashMap<>();
  private final Map<String, String> refreshTokens = new LinkedHashMap<>(); // token -> scope
  private final Set<String> revoked = new HashSet<>();
  private int counter;
  private boolean denyConsent;
  private boolean refuseNextCode;
  private String grantedScope;
  private long accessLifetimeSeconds = 3599;

  /** The consent page answers "Cancel" (error=access_denied). */
  synchronized void denyConsent() {
    denyConsent = true;
  }

  /** The next code exchange answers invalid_grant (a code used twice, or too old). */
  synchronized void refuseNextCode() {
    refuseNextCode = true;
  }

  /** The user unticked scopes: grant only these. */
  synchronized void grantOnly(String scope) {
    grantedScope = scope;
  }

  synchronized void accessLifetimeSeconds(long seconds) {
    accessLifetimeSeconds = seconds;
  }

  /** The user removed the app in their Google account: every token stops working. */
  synchronized void revokeEverything() {
    revoked.addAll(refreshTokens.keySet());
    accessTokens.clear();
  }

  synchronized boolean isRevoked(String refreshToken) {
    return revoked.contains(refreshToken);
  }

  synchronized Reply authorize(Request request) {
    Map<String, String> q = request.query();
    String redirect = q.getOrDefault("redirect_uri", "");
    if (!CLIENT_ID.equals(q.get("client_id"))) {
      return new Reply(400, "text/html", "invalid_client", null);
    }
    if (!redirect.startsWith("http://127.0.0.1:")
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null) {
      return new Reply(400, "text/html", "invalid_request", null);
    }
    StringBuilder location = new StringBuilder(redirect).append('?');
    if (denyConsent) {
      location.append("error=access_denied");
    } else {
      String code = "code-" + (++counter);
      String scope = grantedScope != null ? grantedScope : q.get("scope");
      codes.put(code, new Grant(q.get("code_challenge"), redirect, scope));
      location.append("code=").append(code).append("&scope=").append(encode(scope));
    }
    if (q.get("state") != null) {
      location.append("&state=").append(encode(q.get("state")));
    }
    return Reply.redirect(location.toString());
  }

  synchronized Reply token(Request request) {
    Map<String, String> form = request.form();
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return Reply.json(401, Map.of("error", "invalid_client"));
    }
    switch (form.getOrDefault("grant_type", "")) {
      case "authorization_code" -> {
        Grant grant = codes.remove(form.get("code"));
        if (refuseNextCode) {
          refuseNextCode = false;
          grant = null;
        }
        if (grant == null
            || !grant.redirectUri().equals(form.get("redirect_uri"))
            || form.get("code_verifier") == null
            || !s256(form.get("code_verifier")).equals(grant.challenge())) {
          return Reply.json(400, Map.of("error", "invalid_grant", "error_description", "Bad code or verifier"));
        }
        String refresh = "refresh-" + (++counter);
        refreshTokens.put(refresh, grant.scope());
        return issue(refresh, true);
      }
      case "refresh_token" -> {
        String refresh = form.get("refresh_token");
        if (!refreshTokens.containsKey(refresh) || revoked.contains(refresh)) {
          return Reply.json(400, Map.of("error", "invalid_grant", "error_description", "Token has been expired or revoked."));
        }
        return issue(refresh, false);
      }
      default -> {
        return Reply.json(400, Map.of("error", "unsupported_grant_type"));
      }
    }
  }

  synchronized Reply revoke(Request request) {
    String token = request.form().get("token");
    if (refreshTokens.containsKey(token) && !revoked.contains(token)) {
      revoked.add(token);
      accessTokens.keySet().removeIf(a -> token.equals(refreshOfAccess.get(a)));
      return Reply.json(200, Map.of());
    }
    if (accessTokens.remove(token) != null) {
      return Reply.json(200, Map.of());
    }
    return Reply.json(400, Map.of("error", "invalid_token"));
  }

  synchronized boolean isValidAccess(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    Instant expiry = accessTokens.get(authorization.substring(7));
    return expiry != null && Instant.now().isBefore(expiry);
  }

  /**
   * Whether the access token's scopes cover this Calendar path: the calendar list needs {@code
   * calendar.calendarlist.readonly} (or a broader calendar scope), events {@code calendar.events}.
   */
  synchronized boolean allows(String authorization, String path) {
    String scope = refreshTokens.get(refreshOfAccess.get(authorization.substring(7)));
    java.util.List<String> granted = scope == null ? java.util.List.of() : java.util.List.of(scope.split(" "));
    String root = "https://www.googleapis.com/auth/";
    if (granted.contains(root + "calendar")) {
      return true;
    }
    if (path.contains("/users/me/calendarList")) {
      return granted.contains(root + "calendar.calendarlist.readonly")
          || granted.contains(root + "calendar.readonly");
    }
    return granted.contains(root + "calendar.events");
  }

  private Reply issue(String refresh, boolean withRefresh) {
    String access = "access-" + (++counter);
    accessTokens.put(access, Instant.now().plusSeconds(accessLifetimeSeconds));
    refreshOfAccess.put(access, refresh);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    body.put("expires_in", accessLifetimeSeconds);
    body.put("scope", refreshTokens.get(refresh));
    body.put("token_type", "Bearer");
    if (withRefresh) {
      body.put("refresh_token", refresh);
    }
    return Reply.json(200, body);
  }

  static String s256(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package app.convene.protocol.api;

import java.time.Instant;

/**
 * A signed-in session: a short-lived access token for {@code Authorization: Bearer …} and the
 * WebSocket upgrade, and a longer-lived, single-use refresh token.
 */
public record AuthSession(
    UserView user, String accessToken, Instant accessTokenExpiresAt, String refreshToken) {}

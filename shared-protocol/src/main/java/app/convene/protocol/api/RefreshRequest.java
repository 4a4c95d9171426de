package app.convene.protocol.api;

/** {@code POST /api/auth/refresh}: trade a refresh token for a new session (the old one is spent). */
public record RefreshRequest(String refreshToken) {}

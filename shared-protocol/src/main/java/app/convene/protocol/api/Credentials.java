package app.convene.protocol.api;

/** {@code POST /api/auth/login}. */
public record Credentials(String email, String password) {}

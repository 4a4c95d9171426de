package app.convene.protocol.api;

/** {@code POST /api/auth/register}: a new account. */
public record Registration(String email, String password, String displayName) {}

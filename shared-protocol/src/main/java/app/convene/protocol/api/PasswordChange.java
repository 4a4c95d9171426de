package app.convene.protocol.api;

/** {@code POST /api/auth/password}: the current password and the new one. */
public record PasswordChange(String currentPassword, String newPassword) {}

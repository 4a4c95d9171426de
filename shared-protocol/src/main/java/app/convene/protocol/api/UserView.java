package app.convene.protocol.api;

/** An account as others see it. */
public record UserView(String id, String email, String displayName) {}

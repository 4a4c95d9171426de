package app.convene.protocol.api;

/**
 * An invited person.
 *
 * @param displayName the account's name when the address belongs to an account, else {@code null}
 */
public record AttendeeView(String email, String displayName) {}

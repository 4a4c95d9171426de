package app.convene.client.google;

/**
 * What {@link GoogleAuth#signOut()} did. The tokens on this computer are always deleted.
 *
 * @param revoked whether Google confirmed that the app's access is revoked (or already was)
 * @param message a sentence to show the user
 */
public record SignOutResult(boolean revoked, String message) {}

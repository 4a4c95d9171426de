package app.convene.protocol;

/**
 * The signaling protocol version. A server accepts joins whose version it supports.
 *
 * <p>Version 2 names the room's id {@code roomId} in {@code join}, {@code joined} and {@code
 * removed}, where version 1 named it {@code room}. Both names are read; while version 1 is
 * supported, {@code joined} and {@code removed} carry both, since a version-1 client requires
 * {@code room} (and ignores the {@code roomId} it does not know).
 *
 * <p>Version 3 adds {@link View}: a peer says how large it shows the addressee's video. The server
 * relays it only to peers that joined with version 3 or later ({@link #hearsViews}), since an
 * older client does not know the type; a client sends it only to a server whose {@code joined}
 * says 3 or later, since an older server would answer with an error.
 */
public final class ProtocolVersion {
  /** The version this build speaks. */
  public static final int CURRENT = 3;

  /** The oldest version this build still accepts. */
  public static final int OLDEST_SUPPORTED = 1;

  private ProtocolVersion() {}

  public static boolean isSupported(int version) {
    return version >= OLDEST_SUPPORTED && version <= CURRENT;
  }

  /** Whether a client that joined with {@code version} understands {@link View}. */
  public static boolean hearsViews(int version) {
    return version >= 3;
  }

  /** Whether messages to clients also carry the fields under their version-1 names. */
  static boolean writesVersion1Fields() {
    return OLDEST_SUPPORTED <= 1;
  }
}

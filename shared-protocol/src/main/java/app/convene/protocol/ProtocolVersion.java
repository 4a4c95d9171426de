package app.convene.protocol;

/** The signaling protocol version. A server accepts joins whose version it supports. */
public final class ProtocolVersion {
  /** The version this build speaks. */
  public static final int CURRENT = 1;

  /** The oldest version this build still accepts. */
  public static final int OLDEST_SUPPORTED = 1;

  private ProtocolVersion() {}

  public static boolean isSupported(int version) {
    return version >= OLDEST_SUPPORTED && version <= CURRENT;
  }
}

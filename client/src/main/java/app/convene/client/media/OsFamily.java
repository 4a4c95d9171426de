package app.convene.client.media;

import java.util.Locale;

/**
 * The operating system the app runs on, as far as media features differ by it. Read once by the
 * composition root ({@link #current()}) and passed to what depends on it, so tests can pick one.
 */
public enum OsFamily {
  WINDOWS,
  MACOS,
  LINUX;

  /** The family of an {@code os.name} value; other Unixes count as Linux. */
  public static OsFamily of(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return WINDOWS;
    }
    return os.startsWith("mac") ? MACOS : LINUX;
  }

  /** The family of this JVM's {@code os.name}. */
  public static OsFamily current() {
    return of(System.getProperty("os.name", ""));
  }

  /**
   * Whether the screen can be shared from here. Not on macOS: webrtc-java's desktop capture
   * sends only the first frame there (an open upstream issue), and asking for the Screen
   * Recording permission would be for nothing.
   */
  public boolean screenSharing() {
    return this != MACOS;
  }
}

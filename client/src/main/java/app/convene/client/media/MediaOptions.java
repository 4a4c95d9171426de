package app.convene.client.media;

/**
 * How a {@link MediaEngine} captures.
 *
 * @param syntheticOnly never touch real devices: a headless audio module, the test pattern and the
 *     tone (the headless participant, tests, CI)
 * @param width test pattern width
 * @param height test pattern height
 * @param fps test pattern frame rate
 */
public record MediaOptions(boolean syntheticOnly, int width, int height, int fps) {
  /**
   * Checks the pattern's size and rate here, before a {@link MediaEngine} starts its factory and
   * tone thread: refused in the engine's constructor, they would never be closed.
   */
  public MediaOptions {
    TestPatternSource.checkFormat(width, height, fps);
  }

  public static MediaOptions synthetic(int width, int height, int fps) {
    return new MediaOptions(true, width, height, fps);
  }

  /** Real devices where there are any; the test pattern stands in for a missing camera. */
  public static MediaOptions devices() {
    return new MediaOptions(false, 640, 360, 30);
  }
}

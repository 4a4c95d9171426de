package app.convene.client.google.ui;

import com.calendarfx.model.Calendar;
import java.util.List;

/**
 * Maps a Google calendar colour such as {@code #9fe1e7} to the nearest of CalendarFX's fixed
 * styles (by distance in RGB). STYLE1 is kept for our native calls, so Google calendars use
 * STYLE2..STYLE7; two Google calendars of similar colours may share a style.
 */
final class GoogleStyles {
  private record Swatch(Calendar.Style style, int r, int g, int b) {}

  /** CalendarFX's own colours (calendar.css, -styleN-color). */
  private static final List<Swatch> SWATCHES = List.of(
      new Swatch(Calendar.Style.STYLE2, 65, 143, 203),
      new Swatch(Calendar.Style.STYLE3, 247, 209, 91),
      new Swatch(Calendar.Style.STYLE4, 157, 91, 159),
      new Swatch(Calendar.Style.STYLE5, 208, 82, 95),
      new Swatch(Calendar.Style.STYLE6, 249, 132, 75),
      new Swatch(Calendar.Style.STYLE7, 174, 102, 62));

  private GoogleStyles() {}

  /** The nearest style; STYLE2 (blue, Google's default look) when the colour is unknown. */
  static Calendar.Style nearest(String colorHex) {
    if (colorHex == null || !colorHex.matches("#?[0-9a-fA-F]{6}")) {
      return Calendar.Style.STYLE2;
    }
    int rgb = Integer.parseInt(colorHex.replace("#", ""), 16);
    int r = rgb >> 16 & 0xff;
    int g = rgb >> 8 & 0xff;
    int b = rgb & 0xff;
    Swatch best = SWATCHES.getFirst();
    long bestDistance = Long.MAX_VALUE;
    for (Swatch s : SWATCHES) {
      long d = (long) (s.r - r) * (s.r - r) + (long) (s.g - g) * (s.g - g) + (long) (s.b - b) * (s.b - b);
      if (d < bestDistance) {
        bestDistance = d;
        best = s;
      }
    }
    return best.style;
  }
}

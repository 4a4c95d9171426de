package app.convene.client.notify;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BaseMultiResolutionImage;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.util.List;
import java.util.TreeSet;

/**
 * The tray icon, drawn from the app icon's vector shapes ({@code installers/icons/convene.svg},
 * 256 units square) at every size a tray asks for, so no size is a blurred scale of another.
 *
 * <p>The sizes: the trays' logical sizes (16 px on Windows, 22 and 24 on Linux panels, 18 and
 * 22 pt in the macOS menu bar, 32 to 64 for large panels) at 100, 125, 150 and 200% display
 * scaling. AWT draws a {@link MultiResolutionImage} into the tray's pixel size by
 * {@link BaseMultiResolutionImage#getResolutionVariant}: the first variant at least that large,
 * so an exact size is always found for these scales.
 *
 * <p>On macOS the icon is a template image: black with alpha (the calendar page, the camera cut
 * out of it), which the menu bar tints for light and dark mode; see {@link TrayHost}.
 */
final class TrayIconImages {
  /** The logical sizes trays use, in px (pt on macOS). */
  static final List<Integer> LOGICAL = List.of(16, 18, 22, 24, 32, 48, 64);
  /** The display scales drawn for each logical size. */
  static final List<Double> SCALES = List.of(1.0, 1.25, 1.5, 2.0);
  /** Every pixel size drawn, smallest first. */
  static final List<Integer> SIZES = sizes();

  private TrayIconImages() {}

  private static List<Integer> sizes() {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int logical : LOGICAL) {
      for (double scale : SCALES) {
        sizes.add((int) Math.round(logical * scale));
      }
    }
    return List.copyOf(sizes);
  }

  /** The icon in colour (Windows, Linux) or as a template (macOS), at every size. */
  static MultiResolutionImage create(boolean template) {
    return new BaseMultiResolutionImage(
        SIZES.stream().map(size -> draw(size, template)).toArray(Image[]::new));
  }

  /** The icon drawn at {@code size} by {@code size} pixels. */
  static BufferedImage draw(int size, boolean template) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      if (template) {
        // The page fills the square: a template icon has no background tile.
        g.scale(size / 184.0, size / 184.0);
        g.translate(-36, -36);
        g.setColor(Color.BLACK);
        g.fill(page());
        g.fill(rings());
        g.setComposite(AlphaComposite.Clear);
        g.fill(new Rectangle2D.Double(44, 98, 168, 10)); // the page's header apart
        g.fill(camera());
      } else {
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x2563eb));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 104, 104));
        g.setColor(Color.WHITE);
        g.fill(page());
        g.setColor(new Color(0xf97316));
        g.fill(new RoundRectangle2D.Double(44, 60, 168, 38, 36, 36));
        g.fill(new Rectangle2D.Double(44, 80, 168, 18));
        g.setColor(new Color(0xe2e8f0));
        g.fill(rings());
        g.setColor(new Color(0x1d4ed8));
        g.fill(camera());
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Shape page() {
    return new RoundRectangle2D.Double(44, 60, 168, 148, 36, 36);
  }

  private static Shape rings() {
    Path2D rings = new Path2D.Double();
    rings.append(new RoundRectangle2D.Double(80, 44, 16, 36, 16, 16), false);
    rings.append(new RoundRectangle2D.Double(160, 44, 16, 36, 16, 16), false);
    return rings;
  }

  private static Shape camera() {
    Path2D camera = new Path2D.Double();
    camera.append(new RoundRectangle2D.Double(70, 122, 82, 62, 24, 24), false);
    camera.moveTo(158, 142);
    camera.lineTo(190, 124);
    camera.lineTo(190, 182);
    camera.lineTo(158, 164);
    camera.closePath();
    return camera;
  }
}

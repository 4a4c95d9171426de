package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrayIconImagesTest {
  @Test
  void everyTraySizeAtEveryScaleGetsAnImageDrawnForExactlyThatSize() {
    MultiResolutionImage icon = TrayIconImages.create(false);
    for (int logical : TrayIconImages.LOGICAL) {
      for (double scale : TrayIconImages.SCALES) {
        int pixels = (int) Math.round(logical * scale);
        // What AWT's tray peers do: draw the image into the tray's pixel size.
        Image chosen = icon.getResolutionVariant(pixels, pixels);
        assertThat(chosen.getWidth(null)).as("%d px at %.0f%%", logical, scale * 100).isEqualTo(pixels);
        assertThat(chosen.getHeight(null)).isEqualTo(pixels);
      }
    }
  }

  @Test
  void windowsAt125And150PercentGets20And24PixelImages() {
    MultiResolutionImage icon = TrayIconImages.create(false);
    assertThat(icon.getResolutionVariant(20, 20).getWidth(null)).isEqualTo(20);
    assertThat(icon.getResolutionVariant(24, 24).getWidth(null)).isEqualTo(24);
    assertThat(icon.getResolutionVariants()).hasSize(TrayIconImages.SIZES.size());
    assertThat(TrayIconImages.SIZES).first().isEqualTo(16);
    assertThat(TrayIconImages.SIZES).last().isEqualTo(128);
  }

  @Test
  void theColourIconIsTheAppIcon() {
    BufferedImage image = TrayIconImages.draw(64, false);
    assertThat(alpha(image.getRGB(0, 0))).as("rounded corner").isZero();
    assertThat(image.getRGB(4, 32) & 0xffffff).as("blue tile").isEqualTo(0x2563eb);
    assertThat(image.getRGB(28, 38) & 0xffffff).as("camera").isEqualTo(0x1d4ed8);
    assertThat(image.getRGB(32, 48) & 0xffffff).as("page").isEqualTo(0xffffff);
  }

  @Test
  void theTemplateIconIsBlackWithAlphaOnly() {
    for (int size : TrayIconImages.SIZES) {
      BufferedImage image = TrayIconImages.draw(size, true);
      int opaque = 0;
      int clear = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int argb = image.getRGB(x, y);
          assertThat(argb & 0xffffff).as("%d px at %d,%d", size, x, y).isZero();
          opaque += alpha(argb) == 255 ? 1 : 0;
          clear += alpha(argb) == 0 ? 1 : 0;
        }
      }
      assertThat(opaque).as("%d px: the page", size).isGreaterThan(size * size / 4);
      assertThat(clear).as("%d px: the camera and the margins", size).isGreaterThan(size * size / 8);
    }
    BufferedImage large = TrayIconImages.draw(128, true);
    assertThat(alpha(large.getRGB(52, 81))).as("the camera is cut out").isZero();
    assertThat(alpha(large.getRGB(52, 112))).as("the page under it").isEqualTo(255);
  }

  @Test
  void contactSheetForReview() throws IOException {
    int width = TrayIconImages.SIZES.stream().mapToInt(s -> s + 8).sum() + 8;
    BufferedImage sheet = new BufferedImage(width, 2 * 136 + 8, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(new Color(0xe5e7eb));
    g.fillRect(0, 0, width, 144);
    g.setColor(new Color(0x1f2937));
    g.fillRect(0, 144, width, 136);
    int x = 8;
    for (int size : TrayIconImages.SIZES) {
      g.drawImage(TrayIconImages.draw(size, false), x, 8, null);
      // A template as macOS shows it on a dark menu bar: tinted white.
      BufferedImage template = TrayIconImages.draw(size, true);
      for (int py = 0; py < size; py++) {
        for (int px = 0; px < size; px++) {
          template.setRGB(px, py, template.getRGB(px, py) | 0xffffff);
        }
      }
      g.drawImage(template, x, 152, null);
      x += size + 8;
    }
    g.dispose();
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    ImageIO.write(sheet, "png", dir.resolve("tray-icons.png").toFile());
    assertThat(dir.resolve("tray-icons.png")).exists();
  }

  private static int alpha(int argb) {
    return argb >>> 24;
  }
}

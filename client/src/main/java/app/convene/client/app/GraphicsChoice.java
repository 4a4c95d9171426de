package app.convene.client.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JavaFX's graphics pipeline on a Linux machine without a GPU: software from the start.
 *
 * <p>Without a GPU device ({@code /dev/dri}) Mesa can render OpenGL only on the CPU (llvmpipe),
 * and JavaFX's ES2 pipeline refuses it ("Failed Graphics Hardware Qualifier check") and falls
 * back to its software pipeline anyway, after loading Mesa and LLVM to find that out: some 0.1 s
 * of every start and 30 MiB that stay mapped (docs/benchmarks.md, "Start-up: what the AOT cache
 * holds, and a machine without a GPU"). The Linux launcher also sets {@code GDK_GL=disable}
 * there, so that GTK does not load them either.
 * With a GPU device, or with {@code prism.order} given, nothing changes.
 */
final class GraphicsChoice {
  private GraphicsChoice() {}

  /**
   * The {@code prism.order} to set before JavaFX starts, if any.
   *
   * @param osName the {@code os.name} property
   * @param devices the folder of GPU devices ({@code /dev/dri} on Linux)
   * @param chosen the {@code prism.order} already given, or null
   */
  static Optional<String> prismOrder(String osName, Path devices, String chosen) {
    boolean linux = osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    if (chosen != null || !linux || Files.exists(devices)) {
      return Optional.empty();
    }
    return Optional.of("sw");
  }

  /** Sets {@code prism.order} for this machine; before JavaFX starts. */
  static void apply() {
    prismOrder(System.getProperty("os.name"), Path.of("/dev/dri"),
        System.getProperty("prism.order"))
        .ifPresent(order -> System.setProperty("prism.order", order));
  }
}

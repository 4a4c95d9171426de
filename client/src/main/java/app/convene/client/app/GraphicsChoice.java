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
 *
 * <p>In the software pipeline, JavaFX's cache of drawn region backgrounds (Modena's rounded,
 * shaded buttons and fields) is one 2,048 × 1,024 image in the Java heap, 8 MiB that stay for the
 * whole session; without it those backgrounds are drawn again when repainted, which in a call
 * cost at most 0.02 cores, inside the spread of calls of one build (docs/benchmarks.md, "What the
 * heap kept"). So whenever the
 * pipeline is software first, {@code prism.disableRegionCaching} is set, unless it is given.
 * On a GPU the cache is in video memory and stays.
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

  /**
   * The {@code prism.disableRegionCaching} to set before JavaFX starts, if any.
   *
   * @param order the {@code prism.order} JavaFX will use, or null for its own choice
   * @param chosen the {@code prism.disableRegionCaching} already given, or null
   */
  static Optional<String> regionCaching(String order, String chosen) {
    boolean software = order != null && order.trim().startsWith("sw");
    return software && chosen == null ? Optional.of("true") : Optional.empty();
  }

  /** Sets {@code prism.order} and the region cache for this machine; before JavaFX starts. */
  static void apply() {
    prismOrder(System.getProperty("os.name"), Path.of("/dev/dri"),
        System.getProperty("prism.order"))
        .ifPresent(order -> System.setProperty("prism.order", order));
    regionCaching(System.getProperty("prism.order"),
        System.getProperty("prism.disableRegionCaching"))
        .ifPresent(off -> System.setProperty("prism.disableRegionCaching", off));
  }
}

package app.convene.client.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import org.testfx.api.FxRobot;
import org.testfx.api.FxService;

/** Small helpers for UI tests: run on the FX thread, wait for a condition, save a screenshot. */
public final class Fx {
  private Fx() {}

  public static <T> T call(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(task.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.join();
  }

  public static void run(Runnable task) {
    call(() -> {
      task.run();
      return null;
    });
  }

  public static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(50);
    }
  }

  /** Saves a picture of {@code node} as {@code target/screenshots/name}. */
  public static Path screenshot(FxRobot robot, Node node, String name) throws Exception {
    return save(robot.capture(node).getImage(), name);
  }

  /** Saves a picture of this part of the screen (pop-ups, pop-overs and all). */
  public static Path screenshot(FxRobot robot, javafx.geometry.Rectangle2D area, String name)
      throws Exception {
    return save(robot.capture(area).getImage(), name);
  }

  private static Path save(Image shot, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    FxService.serviceContext().getCaptureSupport().saveImage(shot, file);
    return file;
  }
}

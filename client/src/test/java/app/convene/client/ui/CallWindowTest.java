package app.convene.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.headless.HeadlessOptions;
import app.convene.client.headless.HeadlessParticipant;
import app.convene.client.headless.HeadlessSummary;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.support.CaptureSupport;
import org.testfx.api.FxService;

/**
 * The desktop app's join form and call window on a real server, with a headless participant
 * joining from the same JVM. Runs under a real X display (Xvfb in CI).
 */
@ExtendWith(ApplicationExtension.class)
class CallWindowTest {
  private static SignalingServer server;
  private static MediaEngine media;
  private final AtomicReference<CallWindow> window = new AtomicReference<>();
  private JoinModel join;

  @BeforeAll
  static void startServer() throws Exception {
    Messages.use(Locale.ENGLISH);
    server = SignalingServer.start(ServerConfig.defaults().withPort(0));
    media = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
  }

  @AfterAll
  static void stopServer() {
    media.close();
    server.close();
  }

  @Start
  void start(Stage stage) {
    join = new JoinModel(() -> media, Platform::runLater, call -> {
      CallWindow opened = new CallWindow(call);
      opened.show();
      window.set(opened);
    });
    join.serverProperty().set(server.signalingUri().toString());
    stage.setScene(new Scene(new JoinView(join, locale -> {}), 520, 380));
    stage.show();
  }

  @Test
  void headlessParticipantAppearsAsATileWithVideo(FxRobot robot) throws Exception {
    robot.clickOn("#room").write("design-review");
    robot.clickOn("#name").eraseText(20).write("Anna");
    robot.clickOn("#join");
    await(() -> window.get() != null);
    CallModel call = model();

    CompletableFuture<HeadlessSummary> boris = CompletableFuture.supplyAsync(() ->
        new HeadlessParticipant(new HeadlessOptions(server.signalingUri(), "design-review", "Boris",
            Duration.ofSeconds(20), 90, 1, 640, 360, 30)).run(), Executors.newSingleThreadExecutor());

    await(() -> onFx(() -> call.tiles().size()) == 2);
    TileModel remote = onFx(() -> call.tiles().get(1));
    assertThat(onFx(remote::getName)).isEqualTo("Boris");
    await(() -> onFx(remote::getImage) != null && colourful(onFx(remote::getImage)));
    await(() -> onFx(remote::getStatus).equals("Connected"));
    Image image = onFx(remote::getImage);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    Thread.sleep(2500); // let the quality line fill in before the screenshot
    saveScreenshot(robot, "call-window.png");

    HeadlessSummary summary = boris.get(30, TimeUnit.SECONDS);
    assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isTrue();
    assertThat(summary.peers()).singleElement()
        .satisfies(p -> assertThat(p.framesDecoded()).isGreaterThanOrEqualTo(90));
    await(() -> onFx(() -> call.tiles().size()) == 1);

    robot.clickOn("#hang-up");
    await(() -> !onFx(() -> window.get().stage().isShowing()));
  }

  private CallModel model() {
    return onFx(() -> (CallModel) window.get().stage().getProperties().get(CallModel.class));
  }

  private static boolean colourful(Image image) {
    PixelReader pixels = image.getPixelReader();
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int saturated = 0;
    for (int x = 0; x < w; x += w / 16) {
      javafx.scene.paint.Color c = pixels.getColor(x, h / 6);
      if (c.getSaturation() > 0.4 && c.getBrightness() > 0.3) {
        saturated++;
      }
    }
    return saturated >= 4;
  }

  private void saveScreenshot(FxRobot robot, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Image shot = robot.capture(window.get().stage().getScene().getRoot()).getImage();
    CaptureSupport capture = FxService.serviceContext().getCaptureSupport();
    capture.saveImage(shot, dir.resolve(name));
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> task) {
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

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(50);
    }
  }
}

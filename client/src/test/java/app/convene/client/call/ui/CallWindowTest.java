package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import java.util.concurrent.ForkJoinPool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.convene.client.call.PeerStats;
import app.convene.client.headless.HeadlessOptions;
import app.convene.client.headless.HeadlessParticipant;
import app.convene.client.headless.HeadlessSummary;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.OsFamily;
import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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

/**
 * The call window on a real server, with a headless participant joining from the same JVM. Runs
 * under a real X display (Xvfb in CI).
 */
@ExtendWith(ApplicationExtension.class)
class CallWindowTest {
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void startServer() throws Exception {
    Messages.use(Locale.ENGLISH);
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
  }

  @AfterAll
  static void stopServer() throws Exception {
    media.close();
    backend.close();
  }

  @Start
  void start(Stage stage) {
    // The call window is a stage of its own; the primary stage stays empty.
  }

  @Test
  void headlessParticipantAppearsAsATileWithVideo(FxRobot robot) throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String room = backend.meeting(anna, "Design review", boris);
    CallModel call = Fx.call(() -> new CallModel("Design review", "Anna", media, ForkJoinPool.commonPool(), Platform::runLater, OsFamily.LINUX));
    // Every image our own tile is given, from before the window exists.
    List<Double> selfWidths = new CopyOnWriteArrayList<>();
    Fx.run(() -> call.tiles().get(0).imageProperty().addListener((o, was, image) -> {
      if (image != null) {
        selfWidths.add(image.getWidth());
      }
    }));
    call.connect(backend.ticket(anna, room)).get(10, TimeUnit.SECONDS);
    Thread.sleep(500); // our camera's frames flow before the window is made
    try {
      CallWindow window = Fx.call(() -> {
        CallWindow opened = new CallWindow(call);
        opened.show();
        return opened;
      });
      // None of them was drawn at the camera's size (640×360) before the tile had its own: each
      // such image would have stayed in memory, unseen.
      VideoTile selfTile = robot.lookup("#tile-self").queryAs(VideoTile.class);
      Fx.await(() -> !selfWidths.isEmpty());
      double selfWidth = Fx.call(selfTile::getWidth);
      assertThat(selfWidths).allSatisfy(width -> assertThat(width).isLessThanOrEqualTo(selfWidth));

      CompletableFuture<HeadlessSummary> borisRun = CompletableFuture.supplyAsync(() ->
          new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), boris.email(),
              boris.password(), room, null, "Boris", Duration.ofSeconds(30), 500, 1, 1280, 720, 30)).run(),
          Executors.newSingleThreadExecutor());

      Fx.await(() -> Fx.call(() -> call.tiles().size()) == 2);
      TileModel remote = Fx.call(() -> call.tiles().get(1));
      assertThat(Fx.call(remote::getName)).isEqualTo("Boris");
      Fx.await(() -> Fx.call(remote::getImage) != null && colourful(Fx.call(remote::getImage)));
      Fx.await(() -> Fx.call(remote::getStatus).equals("Connected"));
      // The frames (1280×720, then 640×360) arrive in the image at the tile's size (480×270 here),
      // scaled before JavaFX draws them.
      VideoTile tile = robot.lookup("#tile-" + remote.getPeerId()).queryAs(VideoTile.class);
      double[] tileSize = Fx.call(() -> new double[] {tile.getWidth(), tile.getHeight()});
      Fx.await(() -> Fx.call(remote::getImage).getWidth() < 640);
      Image image = Fx.call(remote::getImage);
      assertThat(image.getWidth()).isLessThanOrEqualTo(tileSize[0]);
      assertThat(image.getHeight()).isLessThanOrEqualTo(tileSize[1]);
      assertThat(Math.max(image.getWidth() / tileSize[0], image.getHeight() / tileSize[1]))
          .as("the image fills its tile one way").isGreaterThan(0.98);
      assertThat(image.getWidth() / image.getHeight()).isCloseTo(16.0 / 9, within(0.02));
      // Red and blue in their places: the pattern's yellow bar is followed by cyan (swapped, by
      // yellow); the bars scroll, so the order is read across a row.
      assertThat(String.join(" ", barOrder(image))).contains("yellow cyan");
      // The join's breakdown has the frame decoded, then painted.
      String breakdown = call.breakdown().describe();
      assertThat(breakdown).contains("offer_received", "connected", "first_frame", "first_paint");
      assertThat(breakdown.indexOf("first_frame")).isLessThan(breakdown.indexOf("first_paint"));

      // Boris's camera gives 1280×720; he hears how large the tile is and encodes half of that,
      // 640×360, which still covers the 480×270 tile, once his stats saw his picture's size.
      Fx.await(() -> borisSeen(call, remote).width() == 640);
      PeerStats halved = borisSeen(call, remote);
      assertThat(halved.height()).isEqualTo(360);
      assertThat(halved.width()).isGreaterThanOrEqualTo((int) tileSize[0]);

      // Minimised, nobody sees the tiles: no frame is drawn, and Boris stops sending video here
      // (his frames stop arriving). On screen again: sent and drawn again.
      Fx.run(() -> window.stage().setIconified(true));
      Fx.await(() -> !Fx.call(call::onScreen));
      long drawn = remote.renderer.presented();
      Thread.sleep(700); // some 20 frames arrive meanwhile
      assertThat(remote.renderer.presented()).isEqualTo(drawn);
      // Within TileViews.SETTLE, a relay and PeerLinks.VIEW_EVERY, Boris's frames stop: a second
      // without more than one of them (the one in flight).
      Fx.await(() -> {
        long before = borisSeen(call, remote).framesDecoded();
        pause(1000);
        return borisSeen(call, remote).framesDecoded() <= before + 1;
      });
      long decoded = borisSeen(call, remote).framesDecoded();
      // Xvfb has no window manager to restore a window: the model is told as the window tells it.
      Fx.run(() -> call.setOnScreen(true));
      Fx.await(() -> borisSeen(call, remote).framesDecoded() > decoded + 5);
      long presentedBack = remote.renderer.presented();
      Fx.await(() -> remote.renderer.presented() > presentedBack);
      Thread.sleep(2500); // let the quality line fill in before the screenshot
      Fx.screenshot(robot, window.stage().getScene().getRoot(), "call-window.png");

      HeadlessSummary summary = borisRun.get(30, TimeUnit.SECONDS);
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isTrue();
      assertThat(summary.peers()).singleElement()
          .satisfies(p -> assertThat(p.framesDecoded()).isGreaterThanOrEqualTo(90));
      Fx.await(() -> Fx.call(() -> call.tiles().size()) == 1);

      robot.clickOn("#hang-up");
      Fx.await(() -> !Fx.call(() -> window.stage().isShowing()));
    } finally {
      // Peer connections close before the media engine's factory is disposed (@AfterAll), also
      // when an assertion failed; the other order crashes in the native library.
      Fx.call(call::hangUp).get(10, TimeUnit.SECONDS);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What Anna's side sees of Boris's video: the frames decoded and their size. */
  private static PeerStats borisSeen(CallModel call, TileModel boris) {
    List<PeerStats> all = call.session().stats().orTimeout(5, TimeUnit.SECONDS).join();
    return all.stream().filter(p -> p.peerId().equals(boris.getPeerId())).findFirst()
        .orElseThrow(() -> new AssertionError("no link to " + boris.getPeerId() + ": " + all));
  }

  @Test
  void onMacOsScreenSharingIsOffAndTheUserIsToldWhy(FxRobot robot) throws Exception {
    try {
      for (Locale language : Messages.LANGUAGES) {
        Messages.use(language);
        CallModel call = Fx.call(() -> new CallModel("Design review", "Anna", media, ForkJoinPool.commonPool(), Platform::runLater, OsFamily.MACOS));
        CallWindow window = Fx.call(() -> {
          CallWindow opened = new CallWindow(call);
          opened.show();
          return opened;
        });
        String note = Messages.get("call.shareUnavailableMac");
        // Every button of the bar shows its whole label, in Russian too ("Выключить микрофон").
        for (String id : List.of("#mute", "#camera", "#share", "#hang-up")) {
          javafx.scene.control.Labeled button = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
          assertThat(Fx.call(button::isTextTruncated)).as(id + " in " + language).isFalse();
        }
        assertThat(Fx.call(() -> robot.lookup("#share").query().isDisabled())).isTrue();
        javafx.scene.control.Label wrapper = robot.lookup("#share-unavailable").queryAs(javafx.scene.control.Label.class);
        assertThat(Fx.call(() -> wrapper.getTooltip().getText())).isEqualTo(note);

        robot.moveTo(wrapper);
        Fx.await(() -> Fx.call(() -> wrapper.getTooltip().isShowing()));
        Thread.sleep(300);
        Stage stage = window.stage();
        Fx.screenshot(robot, Fx.call(() -> new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(),
            stage.getWidth(), stage.getHeight() + 40)), "call-window-macos-" + language.getLanguage() + ".png");

        // The command does nothing but say why (a keyboard or an old binding could still reach it).
        Fx.run(call::toggleScreenShare);
        assertThat(Fx.call(() -> call.statusProperty().get())).isEqualTo(note);
        assertThat(Fx.call(() -> call.sharingProperty().get())).isFalse();
        Fx.run(() -> stage.close());
      }
    } finally {
      Messages.use(Locale.ENGLISH);
    }
  }

  @Test
  void screenSharingIsOfferedOnWindowsAndLinuxOnly() {
    assertThat(OsFamily.of("Windows 11").screenSharing()).isTrue();
    assertThat(OsFamily.of("Linux").screenSharing()).isTrue();
    assertThat(OsFamily.of("FreeBSD")).isEqualTo(OsFamily.LINUX);
    assertThat(OsFamily.of("Mac OS X")).isEqualTo(OsFamily.MACOS);
    assertThat(OsFamily.MACOS.screenSharing()).isFalse();
  }

  /** The colour bars across a row, left to right, each bar once (edges and blends left out). */
  static List<String> barOrder(Image image) {
    PixelReader pixels = image.getPixelReader();
    int w = (int) image.getWidth();
    int y = (int) image.getHeight() / 6;
    List<String> bars = new ArrayList<>();
    String run = null;
    int length = 0;
    for (int x = 0; x < w; x++) {
      String name = name(pixels.getColor(x, y));
      length = name.equals(run) ? length + 1 : 1;
      run = name;
      if (length == 12 && (bars.isEmpty() || !bars.getLast().equals(name))) {
        bars.add(name);
      }
    }
    return bars;
  }

  private static String name(javafx.scene.paint.Color c) {
    boolean r = c.getRed() > 0.6;
    boolean g = c.getGreen() > 0.6;
    boolean b = c.getBlue() > 0.6;
    return switch ((r ? "R" : "") + (g ? "G" : "") + (b ? "B" : "")) {
      case "RG" -> "yellow";
      case "GB" -> "cyan";
      case "RB" -> "magenta";
      case "R" -> "red";
      case "G" -> "green";
      case "B" -> "blue";
      case "RGB" -> "white";
      default -> "black";
    };
  }

  static boolean colourful(Image image) {
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
}

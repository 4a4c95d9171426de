package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import java.util.concurrent.ForkJoinPool;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While the server is away the call window says "Reconnecting…" over a call that goes on; once
 * the server is back the banner goes and the other participant is still there. Saves
 * {@code call-reconnecting-LANG.png} (docs/screenshots). Real server, real WebRTC, real X display.
 */
@ExtendWith(ApplicationExtension.class)
class ReconnectBannerIT {
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
  }

  @AfterAll
  static void stopServer() throws Exception {
    Messages.use(Locale.ENGLISH);
    media.close();
    backend.close();
  }

  @Start
  void start(Stage stage) {
    // The call window is a stage of its own.
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void bannerShowsWhileTheServerIsAwayAndGoesWhenItIsBack(String language, FxRobot robot)
      throws Exception {
    Messages.use(Locale.forLanguageTag(language));
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String room = backend.meeting(anna, "Design review", boris);
    CallModel call = Fx.call(() -> new CallModel("Design review", "Anna", media, ForkJoinPool.commonPool(), Platform::runLater, OsFamily.LINUX));
    call.connect(backend.ticket(anna, room), anna::accessToken).get(10, TimeUnit.SECONDS);
    try {
      CallWindow window = Fx.call(() -> {
        CallWindow opened = new CallWindow(call);
        opened.show();
        return opened;
      });
      CompletableFuture<HeadlessSummary> borisRun = CompletableFuture.supplyAsync(() ->
          new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), boris.email(),
              boris.password(), room, null, "Boris", Duration.ofSeconds(16), 0, 1, 640, 360, 30))
              .run(),
          Executors.newSingleThreadExecutor());
      Fx.await(() -> Fx.call(() -> call.tiles().size()) == 2);
      TileModel remote = Fx.call(() -> call.tiles().get(1));
      Fx.await(() -> Fx.call(remote::getImage) != null
          && CallWindowTest.colourful(Fx.call(remote::getImage)));
      Node banner = robot.lookup("#reconnecting").query();
      assertThat(Fx.call(banner::isVisible)).isFalse();

      backend.stop();
      Fx.await(() -> Fx.call(banner::isVisible));
      assertThat(Fx.call(() -> ((Label) banner).getText()))
          .isEqualTo(language.equals("ru") ? "Переподключение…" : "Reconnecting…");
      Thread.sleep(1500); // frames keep arriving peer to peer meanwhile
      Fx.screenshot(robot, window.stage().getScene().getRoot(),
          "call-reconnecting-" + language + ".png");
      backend.startAgain();

      Fx.await(() -> !Fx.call(banner::isVisible));
      assertThat(Fx.call(() -> call.tiles().size())).isEqualTo(2);
      assertThat(Fx.call(call.endedProperty()::get)).isFalse();
      HeadlessSummary summary = borisRun.get(40, TimeUnit.SECONDS);
      assertThat(summary.ok()).as(HeadlessParticipant.toJson(summary)).isTrue();
      assertThat(summary.reconnections().count()).isEqualTo(1);
      robot.clickOn("#hang-up");
    } finally {
      Fx.call(call::hangUp).get(10, TimeUnit.SECONDS);
    }
  }
}

package app.convene.client.call.ui;

import app.convene.client.i18n.Messages;
import java.util.concurrent.ForkJoinPool;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.HostControls;
import app.convene.client.headless.HeadlessOptions;
import app.convene.client.headless.HeadlessParticipant;
import app.convene.client.headless.HeadlessSummary;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.OsFamily;
import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.api.RoomView;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
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
 * The host's menu of the call window on a real server, in each language: remove a headless
 * participant, lock the room against a newcomer, renew the invite link, end the meeting for
 * everyone. Runs under a real X display (Xvfb in CI); screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class HostMenuTest {
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(320, 180, 15));
  }

  @AfterAll
  static void stopServer() throws Exception {
    media.close();
    backend.close();
    Messages.use(Locale.ENGLISH);
  }

  @Start
  void start(Stage stage) {
    // The call window is a stage of its own; the primary stage stays empty.
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void hostRemovesLocksRenewsAndEndsFromTheMenu(String language, FxRobot robot) throws Exception {
    Messages.use(Locale.forLanguageTag(language));
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    Account carl = backend.account("Carl");
    String room = backend.meeting(anna, "Design review", boris, carl);
    CallModel call = Fx.call(() -> new CallModel("Design review", "Anna", media, ForkJoinPool.commonPool(),
        Platform::runLater, OsFamily.LINUX));
    call.connect(backend.ticket(anna, room)).get(10, TimeUnit.SECONDS);
    try {
      RoomView view = anna.api().room(room);
      Fx.run(() -> call.host().hostWith(new HostControls(anna.api(), room, THREADS), view));
      CallWindow window = Fx.call(() -> {
        CallWindow opened = new CallWindow(call);
        opened.show();
        return opened;
      });
      CompletableFuture<HeadlessSummary> borisRun = run(boris, room, 60);
      Fx.await(() -> Fx.call(() -> call.tiles().size()) == 2);
      TileModel borisTile = Fx.call(() -> call.tiles().get(1));
      Fx.await(() -> Fx.call(borisTile::getStatus).equals(Messages.get("state.CONNECTED")));

      // The bar keeps every button whole, the host's menu too, in each language.
      for (String id : java.util.List.of("#mute", "#camera", "#share", "#host-menu", "#hang-up")) {
        javafx.scene.control.Labeled button =
            robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
        assertThat(Fx.call(button::isTextTruncated)).as(id + " in " + language).isFalse();
        assertThat(Fx.call(() -> button.localToScene(button.getBoundsInLocal()).getMaxX()))
            .as(id + " inside the window").isLessThanOrEqualTo(
                Fx.call(() -> window.stage().getScene().getWidth()));
      }

      // Remove Boris: his call ends, saying why; Anna's goes on.
      openMenu(robot);
      assertThat(robot.lookup(Messages.get("call.copyInvite")).tryQuery()).isPresent();
      String removeBoris = Messages.format("call.removeParticipant", "Boris");
      Thread.sleep(300);
      screenshot(robot, window, "call-host-menu-" + language + ".png");
      robot.clickOn(removeBoris);
      HeadlessSummary removed = borisRun.get(15, TimeUnit.SECONDS);
      assertThat(removed.error()).isEqualTo("the call ended: the host removed you from the call");
      Fx.await(() -> Fx.call(() -> call.tiles().size()) == 1);
      assertThat(Fx.call(() -> call.statusProperty().get()))
          .isEqualTo(Messages.format("call.participantRemoved", "Boris"));
      assertThat(Fx.call(() -> call.endedProperty().get())).isFalse();

      // Lock: a newcomer is refused in words; the menu now offers to unlock.
      openMenu(robot);
      robot.clickOn(Messages.get("call.lock"));
      Fx.await(() -> Fx.call(() -> call.host().lockedProperty().get()));
      assertThat(Fx.call(() -> call.statusProperty().get())).isEqualTo(Messages.get("call.locked"));
      HeadlessSummary refused = run(carl, room, 10).get(30, TimeUnit.SECONDS);
      assertThat(refused.error()).contains("locked");
      openMenu(robot);
      assertThat(robot.lookup(Messages.get("call.unlock")).tryQuery()).isPresent();
      Thread.sleep(300);
      screenshot(robot, window, "call-host-menu-locked-" + language + ".png");

      // A new invite link replaces the old one.
      String oldLink = Fx.call(() -> call.host().inviteLinkProperty().get());
      robot.clickOn(Messages.get("call.renewInvite"));
      Fx.await(() -> !Fx.call(() -> call.host().inviteLinkProperty().get()).equals(oldLink));
      assertThat(Fx.call(() -> call.host().inviteLinkProperty().get())).contains(room);

      // End for everyone: Anna's own call ends too, and the window says so.
      openMenu(robot);
      robot.clickOn(Messages.get("call.endForAll"));
      Fx.await(() -> Fx.call(() -> call.endedProperty().get()));
      Fx.await(() -> Fx.call(() -> call.statusProperty().get())
          .equals(Messages.get("call.removed.ENDED_BY_HOST")));
      assertThat(Fx.call(() -> robot.lookup("#host-menu").query().isVisible())).isFalse();
      Label status = robot.lookup("#call-status").queryAs(Label.class);
      assertThat(Fx.call(status::isTextTruncated)).isFalse();
      Thread.sleep(300);
      screenshot(robot, window, "call-ended-by-host-" + language + ".png");
      assertThat(anna.api().participants(room)).isEmpty();
      Fx.run(() -> window.stage().close());
    } finally {
      Fx.call(call::hangUp).get(10, TimeUnit.SECONDS);
    }
  }

  private static void openMenu(FxRobot robot) throws InterruptedException {
    MenuButton menu = robot.lookup("#host-menu").queryAs(MenuButton.class);
    robot.clickOn(menu);
    Fx.await(() -> Fx.call(menu::isShowing));
  }

  private static void screenshot(FxRobot robot, CallWindow window, String name) throws Exception {
    Stage stage = window.stage();
    Fx.screenshot(robot, Fx.call(() -> new Rectangle2D(stage.getX(), stage.getY(),
        stage.getWidth(), stage.getHeight())), name);
  }

  private static CompletableFuture<HeadlessSummary> run(Account account, String room,
      int seconds) {
    HeadlessParticipant participant = new HeadlessParticipant(new HeadlessOptions(
        backend.signalingUri(), account.email(), account.password(), room, null,
        account.user().displayName(), Duration.ofSeconds(seconds), 0, 1, 320, 180, 15));
    return CompletableFuture.supplyAsync(participant::run, THREADS);
  }
}

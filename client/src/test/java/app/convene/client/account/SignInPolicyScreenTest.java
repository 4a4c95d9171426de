package app.convene.client.account;

import app.convene.client.ui.Stylesheet;
import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The create-account form against a real server that refuses {@code password}: the form says why
 * in English and in Russian, from the rule the server names; screenshots {@code sign-in-weak-password-en}
 * and {@code -ru}.
 */
class SignInPolicyScreenTest {
  private static TestBackend backend;
  private static Stage stage;
  private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void start() throws Exception {
    backend = TestBackend.start();
    stage = FxToolkit.registerPrimaryStage();
  }

  @AfterAll
  static void stop() throws Exception {
    Messages.use(Locale.ENGLISH);
    FxToolkit.cleanupStages();
    BACKGROUND.shutdownNow();
    backend.close();
  }

  @Test
  void commonPasswordIsRefusedAndExplainedInEachLanguage() throws Exception {
    String english = refuse(Locale.ENGLISH, "sign-in-weak-password-en.png");
    String russian = refuse(Locale.forLanguageTag("ru"), "sign-in-weak-password-ru.png");

    // The server names the rule; each language words it, with no English left in the Russian.
    assertThat(english).startsWith("This password is one of the most common ones");
    assertThat(russian).startsWith("Это один из самых распространённых паролей")
        .doesNotContainPattern("[A-Za-z]{3,}");
  }

  @Test
  void theFormSaysWhileItWorksAndTypingGoesOnWhereItIsNeeded() throws Exception {
    Messages.use(Locale.ENGLISH);
    Path data = Files.createTempDirectory("convene-sign-in");
    SignInModel model = new SignInModel(new SessionStore(SealedFiles.withKeyFile(data)),
        BACKGROUND, Platform::runLater, api -> { }, backend.clock());
    Fx.run(() -> {
      model.serverProperty().set(backend.httpBase().toString());
      Scene scene = new Scene(new SignInView(model), 560, 400);
      scene.getStylesheets().add(Stylesheet.url());
      stage.setScene(scene);
      stage.show();
    });
    robot.clickOn("#toggle-create");
    assertThat(Fx.call(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("email");
    robot.write("anna-" + System.nanoTime() + "@example.com");
    robot.clickOn("#toggle-create");
    robot.clickOn("#toggle-create");
    assertThat(Fx.call(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("display-name");

    assertThat(Fx.call(() -> robot.lookup("#sign-in-progress").query().isVisible())).isFalse();
    Fx.run(() -> model.busyProperty().set(true)); // as while the server hashes the password
    assertThat(Fx.call(() -> robot.lookup("#sign-in-progress").query().isVisible())).isTrue();
    assertThat(Fx.call(() -> robot.lookup("Creating your account…").tryQuery().isPresent()))
        .isTrue();
    Fx.screenshot(robot, stage.getScene().getRoot(), "sign-in-creating-en.png");
    Fx.run(() -> model.busyProperty().set(false));
  }

  private String refuse(Locale language, String screenshot) throws Exception {
    Messages.use(language);
    Path data = Files.createTempDirectory("convene-sign-in");
    SignInModel model = new SignInModel(new SessionStore(SealedFiles.withKeyFile(data)), BACKGROUND, Platform::runLater,
        api -> { throw new AssertionError("signed in with a common password"); },
        backend.clock());
    Fx.run(() -> {
      model.serverProperty().set(backend.httpBase().toString());
      model.createAccountProperty().set(true);
      model.emailProperty().set("anna-" + System.nanoTime() + "@example.com");
      model.passwordProperty().set("password");
      model.displayNameProperty().set("Anna");
      Scene scene = new Scene(new SignInView(model), 560, 400);
      scene.getStylesheets().add(Stylesheet.url());
      stage.setScene(scene);
      stage.show();
      model.submit();
    });
    Fx.await(() -> !Fx.call(() -> model.errorProperty().get()).isEmpty());
    // The refused password is cleared and typing goes on there.
    Fx.await(() -> "password".equals(Fx.call(() -> stage.getScene().getFocusOwner() == null ? null
        : stage.getScene().getFocusOwner().getId())));
    Fx.screenshot(robot, stage.getScene().getRoot(), screenshot);
    return Fx.call(() -> model.errorProperty().get());
  }
}

package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.i18n.Messages;
import app.convene.client.testing.AppScreens;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * {@link ScreensTest}'s tour in Russian, down to CalendarFX's own words (День, Неделя, Сегодня),
 * which it reads once per JVM: this runs with the integration tests, in a JVM where nothing showed
 * a calendar before, in Russian from the start as the app's {@code --lang=ru} makes it.
 */
class RussianScreensIT {
  private static TestBackend backend;
  private final FxRobot robot = new FxRobot();
  private final AppScreens screens = new AppScreens(robot, "screens-ru-failure");

  @BeforeAll
  static void start() throws Exception {
    Messages.use(Locale.forLanguageTag("ru"));
    backend = TestBackend.start(TestTime.clock());
    FxToolkit.registerPrimaryStage();
  }

  @AfterAll
  static void stop() throws Exception {
    Messages.use(Locale.ENGLISH);
    FxToolkit.cleanupStages();
    backend.close();
  }

  @Test
  void everyScreenSpeaksRussian() throws Exception {
    assertThat(com.calendarfx.view.Messages.getString("PageBaseSkin.TODAY"))
        .as("CalendarFX's texts, read in Russian").isEqualTo("Сегодня");
    ScreensTest.tour(backend, robot, screens, "ru");
  }
}

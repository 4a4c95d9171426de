package app.convene.client.google.ui;

import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.google.GoogleEvent;
import app.convene.client.google.GoogleFixture;
import java.nio.file.Path;
import app.convene.client.testing.TestTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoogleModel} without a display: the real Google libraries against the fake, one thread
 * standing in for the FX thread.
 */
class GoogleModelTest {
  private final Clock clock = TestTime.clock();
  private final Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dataDir;
  GoogleFixture google;
  ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
  ExecutorService background = Executors.newCachedThreadPool();
  GoogleModel model;

  @BeforeEach
  void start() throws Exception {
    google = GoogleFixture.start();
    google.addCalendar("primary", "anna@example.com", "#4986e7", true);
    google.addCalendar("team", "Team", "#f83a22", false);
    google.defaultReminders("primary", "popup:10", "email:30");
    model = new GoogleModel(() -> Optional.of(google.config()), SealedFiles.withKeyFile(dataDir), dataDir, google.browser(),
        background, fx, new SimpleStringProperty(), clock);
  }

  @AfterEach
  void stop() throws Exception {
    onFx(() -> {
      model.close();
      return null;
    });
    fx.shutdownNow();
    background.shutdownNow();
    google.close();
  }

  @Test
  void eventsFollowSyncsAndTheChosenCalendarsAndAreClearedOnSignOut() throws Exception {
    String planning = google.addEvent("primary", "Planning", tomorrow, HOUR, null);
    google.addEvent("team", "Retro", tomorrow.plus(HOUR), HOUR, null);
    google.reminders("team", google.addEvent("team", "Focus", tomorrow, HOUR, null), false);

    onFx(() -> {
      model.start();
      return null;
    });
    await(m -> m.stateProperty().get() == GoogleModel.State.SIGNED_OUT);
    onFx(() -> {
      model.signIn();
      return null;
    });
    List<GoogleEvent> synced = await(m -> m.events().size() == 3);

    assertThat(synced).extracting(GoogleEvent::summary, GoogleEvent::reminderLeads)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Planning", List.of(Duration.ofMinutes(10))),
            org.assertj.core.groups.Tuple.tuple("Focus", List.of()),
            org.assertj.core.groups.Tuple.tuple("Retro", List.of()));

    google.reminders("primary", planning, false, "popup:3");
    onFx(() -> {
      model.refresh();
      return null;
    });
    await(m -> m.events().stream().anyMatch(e -> e.summary().equals("Planning")
        && e.reminderLeads().equals(List.of(Duration.ofMinutes(3)))));

    onFx(() -> {
      model.choose("team", false);
      return null;
    });
    assertThat(await(m -> m.events().size() == 1)).extracting(GoogleEvent::summary)
        .containsExactly("Planning");

    onFx(model::signOut).get(10, TimeUnit.SECONDS);
    assertThat(onFx(() -> List.copyOf(model.events()))).isEmpty();
  }

  /** Waits until {@code done} holds on the FX thread; returns the events then. */
  private List<GoogleEvent> await(Predicate<GoogleModel> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<GoogleEvent> events = onFx(() -> done.test(model) ? List.copyOf(model.events()) : null);
      if (events != null) {
        return events;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out; events: " + onFx(() -> List.copyOf(model.events())));
  }

  private <T> T onFx(Callable<T> call) throws Exception {
    return fx.submit(call).get(10, TimeUnit.SECONDS);
  }
}

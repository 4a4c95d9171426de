package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.desktop.QuitEvent;
import java.awt.desktop.QuitResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The handlers as AWT calls them (the window-level behaviour on the real app is in
 * {@link ReminderFlowTest}). AWT's event objects need a display, so the quit handler is called
 * with a null event, which it does not read.
 */
class MacAppEventsTest {
  private final List<String> happened = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor fx = queued::add;

  private final QuitResponse response = new QuitResponse() {
    @Override
    public void performQuit() {
      happened.add("performQuit");
    }

    @Override
    public void cancelQuit() {
      happened.add("cancelQuit");
    }
  };

  private void runQueued() {
    List.copyOf(queued).forEach(Runnable::run);
    queued.clear();
  }

  @Test
  void quitShutsDownOnTheFxThreadAndLeavesTheResponseToTheProcessEnd() {
    MacAppEvents events = new MacAppEvents(fx, () -> happened.add("exit before attach"));
    events.attach(() -> happened.add("show"), () -> happened.add("app quit"));

    events.quitHandler().handleQuitRequestWith((QuitEvent) null, response);

    assertThat(happened).as("nothing on AWT's thread").isEmpty();
    runQueued();
    assertThat(happened).containsExactly("app quit");
  }

  @Test
  void quitBeforeTheWindowExistsStillEndsTheApp() {
    MacAppEvents events = new MacAppEvents(fx, () -> happened.add("exit before attach"));

    events.quitHandler().handleQuitRequestWith((QuitEvent) null, response);
    runQueued();

    assertThat(happened).containsExactly("exit before attach");
  }

  @Test
  void reopenBeforeTheWindowExistsDoesNothingAndAfterwardsShowsIt() {
    MacAppEvents events = new MacAppEvents(fx, () -> happened.add("exit before attach"));

    events.reopened().appReopened(null);
    runQueued();
    assertThat(happened).isEmpty();

    events.attach(() -> happened.add("show"), () -> happened.add("app quit"));
    events.reopened().appReopened(null);
    assertThat(happened).isEmpty();
    runQueued();
    assertThat(happened).containsExactly("show");
  }

  @Test
  void nothingIsInstalledOutsideMacOs() {
    org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Mac"));
    assertThat(new MacAppEvents(fx, () -> {}).install()).isFalse();
  }
}

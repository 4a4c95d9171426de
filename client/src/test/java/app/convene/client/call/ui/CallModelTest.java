package app.convene.client.call.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.CallState;
import app.convene.client.i18n.Messages;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.OsFamily;
import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The view-model mirrors its session's states, and once the call ended its commands do nothing. */
@ExtendWith(ApplicationExtension.class)
class CallModelTest {
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void startServer() throws Exception {
    Messages.use(Locale.ENGLISH);
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(160, 90, 15));
  }

  @AfterAll
  static void stopServer() throws Exception {
    media.close();
    backend.close();
  }

  @Start
  void start(Stage stage) {
    // No window: the model alone.
  }

  @Test
  void mirrorsTheSessionAndIgnoresCommandsAfterTheEnd() throws Exception {
    Account anna = backend.account("Anna");
    String room = backend.meeting(anna, "Design review");
    CallModel call = Fx.call(() -> new CallModel("Design review", "Anna", media,
        ForkJoinPool.commonPool(), Platform::runLater, OsFamily.LINUX));
    assertThat(Fx.call(call.stateProperty()::get)).isEqualTo(CallState.CONNECTING);

    call.connect(backend.ticket(anna, room)).get(10, TimeUnit.SECONDS);
    Fx.await(() -> Fx.call(call.stateProperty()::get) == CallState.CONNECTED);
    assertThat(Fx.call(call.statusProperty()::get))
        .isEqualTo(Messages.format("call.waiting", "Design review"));
    Fx.run(call::toggleMicrophone);
    assertThat(Fx.call(call.microphoneOnProperty()::get)).isFalse();

    Fx.call(call::hangUp).get(10, TimeUnit.SECONDS);
    Fx.await(() -> Fx.call(call.endedProperty()::get));
    Fx.run(call::toggleMicrophone);
    Fx.run(() -> call.setCameraOn(false));

    assertThat(Fx.call(call.stateProperty()::get)).isEqualTo(CallState.ENDED);
    assertThat(Fx.call(call.microphoneOnProperty()::get)).isFalse();
    assertThat(Fx.call(call.cameraOnProperty()::get)).isTrue();
    assertThat(Fx.call(call.reconnectingProperty()::get)).isFalse();
    assertThat(Fx.call(call.statusProperty()::get))
        .isEqualTo(Messages.get("call.left"));
  }
}

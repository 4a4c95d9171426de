package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.signaling.Backoff;
import app.convene.client.testing.Fx;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real sessions on a real server: what Anna says of her tile of Boris ({@link
 * CallSession#showPeerAt}) changes what Boris encodes for her, also when she says it while the
 * server is away and comes back before him.
 */
class TileViewsTest {
  private static TestBackend backend;
  private static MediaEngine media;

  @BeforeAll
  static void start() throws Exception {
    backend = TestBackend.start();
    media = new MediaEngine(MediaOptions.synthetic(640, 360, 30));
  }

  @AfterAll
  static void stop() throws Exception {
    media.close();
    backend.close();
  }

  @Test
  void borisEncodesForAnnasTileAndNothingWhileSheHidesItAlsoWhenSheSaidSoDuringAnOutage()
      throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    String room = backend.meeting(anna, "Design review", boris);
    States annaHeard = new States();
    States borisHeard = new States();
    CallSession annaCall = CallSession.join(backend.ticket(anna, room), media, annaHeard,
        Reconnect.withTokens(anna::accessToken)).get(10, TimeUnit.SECONDS);
    // Boris comes back 2 to 4 s after the server dropped him, well after Anna: her view is told
    // first into a rebuilt room where he is not back yet (seen in CI).
    Reconnect slowly = new Reconnect(boris::accessToken,
        new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4)), Duration.ofSeconds(30),
        Duration.ofSeconds(5));
    CallSession borisCall = CallSession.join(backend.ticket(boris, room), media, borisHeard,
        slowly).get(10, TimeUnit.SECONDS);
    try {
      String borisId = borisCall.localId().get(5, TimeUnit.SECONDS);
      Fx.await(() -> annaCall.stats().join().size() == 1);
      Fx.await(() -> seen(annaCall).framesDecoded() > 10);
      assertThat(seen(annaCall).width()).as("before Anna says anything").isEqualTo(640);

      // A 320×180 tile: Boris sends 320×180 (his stats need two reports at one scale first).
      annaCall.showPeerAt(borisId, 320, 180);
      Fx.await(() -> seen(annaCall).width() == 320);
      assertThat(seen(annaCall).height()).isEqualTo(180);

      // The server goes away; meanwhile Anna minimises her window. The view cannot reach Boris
      // yet, and their media needs no server: frames keep coming.
      backend.stop();
      Fx.await(() -> annaHeard.states.contains(CallState.RECONNECTING));
      annaCall.showPeerAt(borisId, 0, 0);
      long during = seen(annaCall).framesDecoded();
      Fx.await(() -> seen(annaCall).framesDecoded() > during + 15);

      // Back: Anna is in the room again and tells Boris once he is back too; his frames stop.
      // The server's refusals while he is not back are not the user's business.
      backend.startAgain();
      Fx.await(() -> annaHeard.states.size() == 3 && borisHeard.states.size() == 3);
      Fx.await(() -> {
        long before = seen(annaCall).framesDecoded();
        sleep(800);
        return seen(annaCall).framesDecoded() <= before + 1;
      });

      // A large tile again: everything Boris has, not more.
      annaCall.showPeerAt(borisId, 1920, 1080);
      long hidden = seen(annaCall).framesDecoded();
      Fx.await(() -> seen(annaCall).framesDecoded() > hidden + 15 && seen(annaCall).width() == 640);
      assertThat(annaHeard.states).containsExactly(
          CallState.CONNECTED, CallState.RECONNECTING, CallState.CONNECTED);
      assertThat(annaHeard.errors).as("errors shown to Anna").isEmpty();
    } finally {
      annaCall.close();
      borisCall.close();
    }
  }

  /** What Anna's session sees of her only peer. */
  private static PeerStats seen(CallSession call) {
    List<PeerStats> all = call.stats().orTimeout(5, TimeUnit.SECONDS).join();
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class States implements CallListener {
    final List<CallState> states = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void serverError(String message) {
      errors.add(message);
    }

    @Override
    public void stateChanged(CallState state) {
      states.add(state);
    }
  }

}

package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.api.RoomRequest;
import app.convene.protocol.api.RoomView;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** A participant beyond a room's maximum is told so in words, and the headless one prints it. */
class RoomFullTest {
  @Test
  void participantBeyondTheMaximumGetsAClearRefusal() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Account host = backend.account("Host");
      RoomView room = createRoom(backend, host, 1);
      CompletableFuture<HeadlessSummary> first =
          CompletableFuture.supplyAsync(() -> participant(backend, host, room, 5).run());
      Thread.sleep(2_500);

      long start = System.nanoTime();
      HeadlessSummary second = participant(backend, host, room, 2).run();

      assertThat(System.nanoTime() - start).as("the refusal ends the participant at once")
          .isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
      assertThat(second.ok()).isFalse();
      assertThat(second.error()).contains("is full (1 of 1)");
      assertThat(first.get(30, TimeUnit.SECONDS).error()).isNull();
    }
  }

  private static HeadlessParticipant participant(TestBackend backend, Account account,
      RoomView room, int seconds) {
    return new HeadlessParticipant(new HeadlessOptions(backend.signalingUri(), account.email(),
        account.password(), room.id(), room.inviteToken(), account.user().displayName(),
        Duration.ofSeconds(seconds), 0, 1, 160, 90, 15));
  }

  private static RoomView createRoom(TestBackend backend, Account host, int maxUsers)
      throws Exception {
    ObjectMapper json = new ObjectMapper()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .findAndRegisterModules();
    Request request = new Request.Builder().url(backend.httpBase() + "/api/rooms")
        .header("Authorization", "Bearer " + host.accessToken())
        .post(RequestBody.create(json.writeValueAsString(new RoomRequest("Small", maxUsers)),
            MediaType.get("application/json")))
        .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.code()).isBetween(200, 201);
      return json.readValue(response.body().string(), RoomView.class);
    }
  }
}

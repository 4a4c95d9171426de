package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.IceServer;
import app.convene.protocol.Joined;
import app.convene.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {
  private static final IceServer STUN = new IceServer(List.of("stun:stun.example.org:3478"), null, null);
  private static final IceServer TURN =
      new IceServer(List.of("turn:turn.example.org:3478?transport=udp"), null, null);
  private static final String SECRET = "north-wind";

  private TestServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void turnEntryCarriesRestApiCredentialsForThePeer() throws Exception {
    server = TestServer.start(TestServer.config()
        .withIceServers(List.of(STUN, TURN))
        .withTurnSecret(SECRET)
        .withTurnCredentialTtl(Duration.ofHours(1)));
    long before = server.clock().instant().getEpochSecond();

    Joined joined = server.connect().join("standup", "Anna");

    long after = server.clock().instant().getEpochSecond();
    assertThat(joined.iceServers()).hasSize(2);
    assertThat(joined.iceServers().get(0)).isEqualTo(STUN);
    IceServer turn = joined.iceServers().get(1);
    assertThat(turn.urls()).isEqualTo(TURN.urls());
    String[] parts = turn.username().split(":", 2);
    assertThat(parts[1]).isEqualTo(joined.peerId());
    assertThat(Long.parseLong(parts[0])).isBetween(before + 3600, after + 3600);
    assertThat(turn.credential()).isEqualTo(hmacSha1Base64(SECRET, turn.username()));
  }

  @Test
  void everyPeerGetsItsOwnCredentials() throws Exception {
    server = TestServer.start(TestServer.config().withIceServers(List.of(TURN)).withTurnSecret(SECRET));

    Joined anna = server.connect().join("standup", "Anna");
    Joined boris = server.connect().join("standup", "Boris");

    assertThat(anna.iceServers().getFirst().username()).endsWith(":" + anna.peerId());
    assertThat(boris.iceServers().getFirst().username()).endsWith(":" + boris.peerId());
    assertThat(anna.iceServers().getFirst().credential())
        .isNotEqualTo(boris.iceServers().getFirst().credential());
  }

  @Test
  void withoutSecretTurnEntryIsHandedOutAsConfigured() throws Exception {
    server = TestServer.start(TestServer.config().withIceServers(List.of(STUN, TURN)));

    Joined joined = server.connect().join("standup", "Anna");

    assertThat(joined.iceServers()).containsExactly(STUN, TURN);
  }

  private static String hmacSha1Base64(String secret, String username) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
  }
}

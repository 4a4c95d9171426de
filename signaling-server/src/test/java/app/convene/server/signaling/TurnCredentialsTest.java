package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.IceServer;
import app.convene.protocol.Joined;
import app.convene.protocol.PeerJoined;
import app.convene.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        .withIce(i -> i.withServers(List.of(STUN, TURN))
        .withTurnSecret(SECRET)
        .withTurnCredentialTtl(Duration.ofHours(1))));
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
    server = TestServer.start(TestServer.config()
        .withIce(i -> i.withServers(List.of(TURN)).withTurnSecret(SECRET)));

    Joined anna = server.connect().join("standup", "Anna");
    Joined boris = server.connect().join("standup", "Boris");

    assertThat(anna.iceServers().getFirst().username()).endsWith(":" + anna.peerId());
    assertThat(boris.iceServers().getFirst().username()).endsWith(":" + boris.peerId());
    assertThat(anna.iceServers().getFirst().credential())
        .isNotEqualTo(boris.iceServers().getFirst().credential());
  }

  @Test
  void membersHearOfANewcomerWithFreshCredentialsOfTheirOwn() throws Exception {
    AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-07T09:00:00Z"));
    server = TestServer.start(TestServer.config().withIce(i -> i.withServers(List.of(STUN, TURN))
        .withTurnSecret(SECRET).withTurnCredentialTtl(Duration.ofHours(1)))
        .withTokens(t -> t.withAccessTokenTtl(Duration.ofHours(3))), clock);
    TestServer.Joiner anna = server.joined("standup", "Anna");
    clock.now = clock.now.plus(Duration.ofMinutes(90)); // Anna's credentials expired

    server.joined("standup", "Boris");

    PeerJoined notice = anna.client().expect(PeerJoined.class);
    assertThat(notice.iceServers()).hasSize(2);
    assertThat(notice.iceServers().get(0)).isEqualTo(STUN);
    IceServer turn = notice.iceServers().get(1);
    assertThat(turn.username()).isEqualTo(
        clock.now.plus(Duration.ofHours(1)).getEpochSecond() + ":" + anna.joined().peerId());
    assertThat(turn.credential()).isEqualTo(hmacSha1Base64(SECRET, turn.username()));
  }

  @Test
  void withoutSecretPeerJoinedCarriesNoIceServers() throws Exception {
    server = TestServer.start(TestServer.config().withIce(i -> i.withServers(List.of(STUN, TURN))));
    TestServer.Joiner anna = server.joined("standup", "Anna");

    server.joined("standup", "Boris");

    assertThat(anna.client().expect(PeerJoined.class).iceServers()).isNull();
  }

  @Test
  void withoutSecretTurnEntryIsHandedOutAsConfigured() throws Exception {
    server = TestServer.start(TestServer.config().withIce(i -> i.withServers(List.of(STUN, TURN))));

    Joined joined = server.connect().join("standup", "Anna");

    assertThat(joined.iceServers()).containsExactly(STUN, TURN);
  }

  /** A clock that stands still until the test moves it; read by the server's threads. */
  private static final class AdjustableClock extends Clock {
    volatile Instant now;

    AdjustableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String hmacSha1Base64(String secret, String username) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
  }
}

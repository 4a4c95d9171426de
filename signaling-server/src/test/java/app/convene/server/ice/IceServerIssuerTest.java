package app.convene.server.ice;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.IceServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServerIssuerTest {
  private static final Clock NEW_YEAR_2026 =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final IceServer STUN = new IceServer(List.of("stun:stun.example.org"), null, null);
  private static final IceServer TURN = new IceServer(List.of("turn:turn.example.org"), null, null);
  private static final IceServer TURNS = new IceServer(List.of("turns:turn.example.org:5349"), null, null);

  @Test
  void credentialIsBase64OfHmacSha1OfTheUsernameUnderTheSecret() {
    IceServerIssuer issuer =
        new IceServerIssuer(List.of(TURN), "s3cret", Duration.ofHours(1), NEW_YEAR_2026);

    IceServer issued = issuer.issueFor("p-7f3a19c2").getFirst();

    // printf '%s' '1767229200:p-7f3a19c2' | openssl dgst -sha1 -hmac 's3cret' -binary | base64
    assertThat(issued.username()).isEqualTo("1767229200:p-7f3a19c2");
    assertThat(issued.credential()).isEqualTo("rHKypV1skjN2xoOErQSPWb5pLpc=");
    assertThat(issued.urls()).isEqualTo(TURN.urls());
  }

  @Test
  void stunEntriesAndTurnEntriesWithTheirOwnUsernameAreLeftAlone() {
    IceServer fixed = new IceServer(List.of("turn:legacy.example.org"), "static", "password");
    IceServerIssuer issuer = new IceServerIssuer(
        List.of(STUN, fixed, TURNS), "s3cret", Duration.ofHours(12), NEW_YEAR_2026);

    List<IceServer> issued = issuer.issueFor("p-00000001");

    assertThat(issued.get(0)).isEqualTo(STUN);
    assertThat(issued.get(1)).isEqualTo(fixed);
    assertThat(issued.get(2).username()).isEqualTo("1767268800:p-00000001");
  }

  @Test
  void withoutSecretTheServersAreHandedOutAsConfigured() {
    IceServerIssuer issuer =
        new IceServerIssuer(List.of(STUN, TURN), null, Duration.ofHours(1), NEW_YEAR_2026);

    assertThat(issuer.issueFor("p-7f3a19c2")).containsExactly(STUN, TURN);
  }

  @Test
  void issuesCredentialsOnlyWithASecretAndATurnEntryWithoutItsOwnUsername() {
    IceServer fixed = new IceServer(List.of("turn:legacy.example.org"), "static", "password");

    assertThat(new IceServerIssuer(List.of(STUN, TURN), "s3cret", Duration.ofHours(1),
        NEW_YEAR_2026).issuesCredentials()).isTrue();
    assertThat(new IceServerIssuer(List.of(STUN, TURN), null, Duration.ofHours(1),
        NEW_YEAR_2026).issuesCredentials()).isFalse();
    assertThat(new IceServerIssuer(List.of(STUN, fixed), "s3cret", Duration.ofHours(1),
        NEW_YEAR_2026).issuesCredentials()).isFalse();
  }

  @Test
  void turnIsRecognisedByItsScheme() {
    assertThat(IceServerIssuer.isTurn(TURN)).isTrue();
    assertThat(IceServerIssuer.isTurn(TURNS)).isTrue();
    assertThat(IceServerIssuer.isTurn(STUN)).isFalse();
  }
}

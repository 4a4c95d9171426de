package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadlessOptionsTest {
  private static final String[] REQUIRED = {"--room=r-1", "--email=a@example.org", "--password=p"};

  @Test
  void relayOnlyIsOffUnlessAsked() {
    assertThat(HeadlessOptions.parse(REQUIRED).relayOnly()).isFalse();
  }

  @Test
  void relayOnlyFlagForcesRelayedCandidates() {
    String[] args = {"--headless", "--relay-only", "--room=r-1", "--email=a@example.org",
        "--password=p"};

    assertThat(HeadlessOptions.parse(args).relayOnly()).isTrue();
  }

  @Test
  void relayOnlyTakesNoValue() {
    String[] args = {"--relay-only=yes", "--room=r-1", "--email=a@example.org", "--password=p"};

    assertThatThrownBy(() -> HeadlessOptions.parse(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown flag --relay-only");
  }
}

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

  @Test
  void viewSaysNothingUnlessAskedThenATileOrNothingShown() {
    assertThat(HeadlessOptions.parse(REQUIRED).viewWidth()).isEqualTo(-1);
    HeadlessOptions tile = HeadlessOptions.parse(new String[] {"--view=480x270", "--room=r-1",
        "--email=a@example.org", "--password=p"});
    assertThat(tile.viewWidth()).isEqualTo(480);
    assertThat(tile.viewHeight()).isEqualTo(270);
    assertThat(HeadlessOptions.parse(new String[] {"--view=0x0", "--room=r-1",
        "--email=a@example.org", "--password=p"}).viewWidth()).isZero();

    for (String bad : new String[] {"--view=480", "--view=0x270", "--view=-4x3", "--view=big"}) {
      assertThatThrownBy(() -> HeadlessOptions.parse(new String[] {bad, "--room=r-1",
          "--email=a@example.org", "--password=p"}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--view must be WIDTHxHEIGHT");
    }
  }
}

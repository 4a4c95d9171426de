package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {
  @Test
  void releaseTagGivesThePackageVersion() {
    ReleaseVersion version = ReleaseVersion.of("v1.4.2", "0.1.0-SNAPSHOT");

    assertThat(version.packageVersion()).isEqualTo("1.4.2");
    assertThat(version.macVersion()).isEqualTo("1.4.2");
    assertThat(version.tagged()).isTrue();
    assertThat(version.macNote()).isEmpty();
  }

  @Test
  void untaggedBuildKeepsThePomsVersionWithoutQualifier() {
    ReleaseVersion version = ReleaseVersion.of("", "0.1.0-SNAPSHOT");

    assertThat(version.packageVersion()).isEqualTo("0.1.0");
    assertThat(version.tagged()).isFalse();
    assertThat(ReleaseVersion.of(null, "2.3-SNAPSHOT").packageVersion()).isEqualTo("2.3.0");
    assertThat(ReleaseVersion.of("  ", "3.0.7").packageVersion()).isEqualTo("3.0.7");
  }

  @Test
  void untaggedZeroVersionIsPackagedAsOneOnMacWithANote() {
    ReleaseVersion version = ReleaseVersion.of(null, "0.1.0-SNAPSHOT");

    assertThat(version.macVersion()).isEqualTo("1.0.0");
    assertThat(version.macNote()).contains("0.1.0", "1.0.0", "untagged");
  }

  @Test
  void largestVersionAWindowsInstallerTakesIsAccepted() {
    assertThat(ReleaseVersion.of("v255.255.65535", "0.1.0").packageVersion())
        .isEqualTo("255.255.65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.4.2", "v1.4", "v1.4.2.1", "v1.4.2-rc1", "release-1", "v1..2", "vx.y.z"})
  void malformedTagIsRefusedSayingTheForm(String tag) {
    assertThatThrownBy(() -> ReleaseVersion.of(tag, "0.1.0-SNAPSHOT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vMAJOR.MINOR.PATCH").hasMessageContaining(tag);
  }

  @Test
  void tagBeyondWhatAnMsiHoldsIsRefused() {
    assertThatThrownBy(() -> ReleaseVersion.of("v256.0.0", "0.1.0"))
        .hasMessageContaining("at most 255");
    assertThatThrownBy(() -> ReleaseVersion.of("v1.256.0", "0.1.0"))
        .hasMessageContaining("at most 255");
    assertThatThrownBy(() -> ReleaseVersion.of("v1.0.65536", "0.1.0"))
        .hasMessageContaining("at most 65535");
  }

  @Test
  void tagStartingWithZeroIsRefusedBecauseMacOsCannotCarryIt() {
    assertThatThrownBy(() -> ReleaseVersion.of("v0.9.0", "0.1.0"))
        .hasMessageContaining("macOS").hasMessageContaining("v1.0.0");
  }

  @Test
  void pomVersionWithoutNumbersIsRefused() {
    assertThatThrownBy(() -> ReleaseVersion.of(null, "SNAPSHOT"))
        .hasMessageContaining("pom's version SNAPSHOT");
  }
}

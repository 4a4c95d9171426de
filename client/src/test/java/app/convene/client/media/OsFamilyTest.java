package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsFamilyTest {
  @Test
  void osNamesAsJvmsReportThemMapToTheirFamily() {
    assertThat(OsFamily.of("Windows 11")).isEqualTo(OsFamily.WINDOWS);
    assertThat(OsFamily.of("Windows Server 2022")).isEqualTo(OsFamily.WINDOWS);
    assertThat(OsFamily.of("Mac OS X")).isEqualTo(OsFamily.MACOS);
    assertThat(OsFamily.of("Linux")).isEqualTo(OsFamily.LINUX);
    assertThat(OsFamily.of("FreeBSD")).as("other Unixes count as Linux").isEqualTo(OsFamily.LINUX);
  }

  @Test
  void onlyMacOsCannotShareTheScreen() {
    assertThat(OsFamily.MACOS.screenSharing()).isFalse();
    assertThat(OsFamily.WINDOWS.screenSharing()).isTrue();
    assertThat(OsFamily.LINUX.screenSharing()).isTrue();
  }
}

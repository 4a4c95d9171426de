package app.convene.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaOptionsTest {
  @Test
  void aPatternTheEngineCouldNotMakeIsRefusedBeforeAnyNativeWorkStarts() {
    // Refused in MediaEngine's constructor instead, after its factory and tone thread started,
    // which then were never closed.
    assertThatThrownBy(() -> MediaOptions.synthetic(15, 16, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16x16");
    assertThatThrownBy(() -> new MediaOptions(false, 640, 360, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 60 fps");
  }

  @Test
  void realDevicesFallBackToA640By360PatternAt30Fps() {
    assertThat(MediaOptions.devices()).isEqualTo(new MediaOptions(false, 640, 360, 30));
  }
}

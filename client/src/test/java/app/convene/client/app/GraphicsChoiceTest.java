package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphicsChoiceTest {
  @TempDir Path dir;

  @Test
  void aLinuxMachineWithoutAGpuDeviceDrawsInSoftwareFromTheStart() {
    assertThat(GraphicsChoice.prismOrder("Linux", dir.resolve("dri"), null)).contains("sw");
  }

  @Test
  void aLinuxMachineWithAGpuDeviceKeepsJavaFxsOwnChoice() throws Exception {
    Path dri = Files.createDirectory(dir.resolve("dri"));
    Files.createFile(dri.resolve("renderD128"));

    assertThat(GraphicsChoice.prismOrder("Linux", dri, null)).isEmpty();
  }

  @Test
  void aPipelineTheUserChoseIsKept() {
    assertThat(GraphicsChoice.prismOrder("Linux", dir.resolve("dri"), "es2")).isEmpty();
  }

  @Test
  void windowsAndMacosAreLeftAlone() {
    assertThat(GraphicsChoice.prismOrder("Windows 11", dir.resolve("dri"), null)).isEmpty();
    assertThat(GraphicsChoice.prismOrder("Mac OS X", dir.resolve("dri"), null)).isEmpty();
    assertThat(GraphicsChoice.prismOrder(null, dir.resolve("dri"), null)).isEmpty();
  }

  @Test
  void theSoftwarePipelineKeepsNoCacheOfRegionBackgrounds() {
    assertThat(GraphicsChoice.regionCaching("sw", null)).contains("true");
    assertThat(GraphicsChoice.regionCaching("sw,es2", null)).contains("true");
  }

  @Test
  void gpuPipelinesAndAGivenRegionCacheSettingAreLeftAlone() {
    assertThat(GraphicsChoice.regionCaching(null, null)).isEmpty();
    assertThat(GraphicsChoice.regionCaching("es2,sw", null)).isEmpty();
    assertThat(GraphicsChoice.regionCaching("sw", "false")).isEmpty();
  }
}

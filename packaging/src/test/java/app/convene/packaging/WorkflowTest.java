package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .github/workflows/installers.yml cannot run here; this reads it as GitHub does (YAML) and checks
 * what it promises: every runner tests, builds, installs, self-tests and uninstalls its package,
 * and secrets only reach steps that are skipped, with a warning, when the secret is absent.
 */
class WorkflowTest {
  static final Path WORKFLOW = Path.of("..", ".github", "workflows", "installers.yml");
  static JsonNode workflow;

  @BeforeAll
  static void read() throws Exception {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
  }

  @Test
  void runsOnTagsAndByHand() {
    // YAML 1.1 reads the key "on" as true; GitHub reads it as "on".
    JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");

    assertThat(on.at("/push/tags/0").asText()).isEqualTo("v*");
    assertThat(on.has("workflow_dispatch")).isTrue();
  }

  @Test
  void coversWindowsBothMacsAndBothLinuxArchitectures() {
    Set<String> runners = new TreeSet<>();
    workflow.get("jobs").forEach(job -> runners.addAll(runners(job)));

    assertThat(runners).containsExactlyInAnyOrder("windows-latest", "macos-14", "macos-15-intel",
        "ubuntu-24.04", "ubuntu-24.04-arm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux", "windows", "macos"})
  void eachJobTestsBuildsInstallsSelfTestsAndUninstallsInThatOrder(String id) {
    List<String> steps = stepTexts(workflow.at("/jobs/" + id));
    Map<String, List<String>> install = Map.of(
        "linux", List.of("apt-get install", ".deb"),
        "windows", List.of("msiexec.exe", "/i ", "/qn"),
        "macos", List.of("hdiutil attach", "cp -R", "/Applications/"));
    Map<String, List<String>> uninstall = Map.of(
        "linux", List.of("apt-get remove", "test ! -e /opt/convene/bin/convene"),
        "windows", List.of("/x ", "/qn", "Test-Path"),
        "macos", List.of("rm -rf /Applications/Convene.app"));

    int tests = indexOf(steps, List.of("mvn", " verify"));
    int build = indexOf(steps, List.of("mvn", "-Pinstallers",
        "-Dconvene.release=${{ github.ref_type == 'tag' && github.ref_name || '' }}", "package"));
    int installed = indexOf(steps, install.get(id));
    int selfTest = indexOf(steps, List.of("--self-test"));
    int removed = indexOf(steps, uninstall.get(id));

    assertThat(List.of(tests, build, installed, selfTest, removed)).as(id)
        .doesNotContain(-1).isSorted();
    assertThat(steps.get(tests)).doesNotContain("-DskipTests");
  }

  @Test
  void windowsChecksTheMsiRegistersConveneLinksAndRemovesThemOnUninstall() {
    List<String> steps = stepTexts(workflow.at("/jobs/windows"));
    int installed = indexOf(steps, List.of("/i ", "reg query \"HKCU\\Software\\Classes\\convene"));
    int removed = indexOf(steps, List.of("/x ", "reg query \"HKCU\\Software\\Classes\\convene\"",
        "outlived the uninstall"));

    assertThat(installed).isNotNegative().isLessThan(removed);
  }

  @Test
  void testsSkippedOnWindowsAndMacAreNamedInTheLog() {
    for (String id : List.of("windows", "macos")) {
      List<String> steps = stepTexts(workflow.at("/jobs/" + id));
      int notice = indexOf(steps, List.of("::notice::", "client UI tests", "PostgreSQL"));
      int tests = indexOf(steps, List.of("mvn", " verify"));

      assertThat(notice).as(id).isNotNegative().isLessThan(tests);
    }
  }

  @Test
  void linuxRunsEveryTestWithPostgresqlAndADisplay() {
    JsonNode linux = workflow.at("/jobs/linux");
    String tests = stepTexts(linux).get(indexOf(stepTexts(linux), List.of("mvn", " verify")));

    assertThat(linux.at("/services/postgres/env/POSTGRES_DB").asText()).isEqualTo("test");
    assertThat(tests).contains("xvfb-run").doesNotContain("-pl ");
  }

  /**
   * A step that reads a secret runs only when that secret is there (a job-level HAS_ flag: GitHub
   * does not allow secrets in a step's if), and for every such flag another step warns when absent.
   */
  @ParameterizedTest
  @ValueSource(strings = {"windows", "macos"})
  void secretsOnlyReachStepsGuardedByTheirFlagAndAbsenceIsWarned(String id) {
    JsonNode job = workflow.at("/jobs/" + id);
    Set<String> flags = new TreeSet<>();
    job.get("env").properties().forEach(e -> {
      assertThat(e.getKey()).startsWith("HAS_");
      assertThat(e.getValue().asText()).matches("\\$\\{\\{ secrets\\.[A-Z_]+ != '' }}");
      flags.add(e.getKey());
    });
    assertThat(flags).isNotEmpty();

    for (JsonNode step : job.get("steps")) {
      String condition = step.path("if").asText();
      assertThat(condition).doesNotContain("secrets.");
      String text = step.toString();
      boolean guarded = flags.stream().anyMatch(f -> condition.contains("env." + f + " == 'true'"));
      if (text.contains("secrets.") && !guarded) {
        // Unguarded steps may pass optional secrets only as CONVENE_ variables to the build,
        // which skips each signing step itself, with a line naming what is missing.
        assertThat(step.path("run").asText()).as(text).contains("-Pinstallers");
        step.get("env").properties().forEach(e ->
            assertThat(e.getKey()).as(text).startsWith("CONVENE_"));
      }
    }
    for (String flag : flags) {
      assertThat(job.get("steps")).as(flag).anySatisfy(step -> {
        assertThat(step.path("if").asText()).isEqualTo("env." + flag + " != 'true'");
        assertThat(step.path("run").asText()).startsWith("echo \"::warning::").contains("skipped");
      });
    }
  }

  private static List<String> runners(JsonNode job) {
    String runsOn = job.get("runs-on").asText();
    Matcher matrix = Pattern.compile("\\$\\{\\{ matrix\\.(\\w+) }}").matcher(runsOn);
    if (!matrix.matches()) {
      return List.of(runsOn);
    }
    List<String> values = new ArrayList<>();
    job.at("/strategy/matrix/" + matrix.group(1)).forEach(v -> values.add(v.asText()));
    return values;
  }

  /** Each step as one text: its name, run script and inputs. */
  private static List<String> stepTexts(JsonNode job) {
    List<String> texts = new ArrayList<>();
    job.get("steps").forEach(step -> texts.add(step.path("name").asText() + "\n"
        + step.path("run").asText() + "\n" + step.path("with").toString()));
    return texts;
  }

  /** The first step (from the start) whose text holds all {@code parts}; -1 when none does. */
  private static int indexOf(List<String> steps, List<String> parts) {
    for (int i = 0; i < steps.size(); i++) {
      String text = steps.get(i);
      if (parts.stream().allMatch(text::contains)) {
        return i;
      }
    }
    return -1;
  }
}

package app.convene.client.app;

import app.convene.client.call.Rtc;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;

/**
 * {@code convene --self-test}: starts the JavaFX toolkit and renders a scene, starts the WebRTC
 * stack and creates an offer (so the native libraries, codecs and devices load), prints the
 * versions and exits 0; on a failure it says which part failed and exits 1. Used by the package
 * tests and by support ("run convene --self-test and send us what it prints").
 */
final class SelfTest {
  private static final long STEP_SECONDS = 60;

  private final PrintStream out;

  private SelfTest(PrintStream out) {
    this.out = out;
  }

  /** Runs every check on the calling thread (never the FX thread); the process exit status. */
  static int run(PrintStream out) {
    return new SelfTest(out).run();
  }

  private int run() {
    out.println("Convene self-test");
    row("app", version());
    row("java", Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
        + System.getProperty("java.home") + ")");
    row("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    boolean ok = check("javafx", this::javafx) & check("webrtc", this::webrtc);
    out.println(ok ? "self-test passed" : "self-test FAILED");
    return ok ? 0 : 1;
  }

  private String javafx() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("no display: " + e.getMessage()
          + (System.getenv("DISPLAY") == null ? " (DISPLAY is not set)" : ""), e);
    }
    if (!started.await(STEP_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the toolkit did not start within " + STEP_SECONDS + " s");
    }
    CompletableFuture<String> rendered = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        WritableImage image = new Scene(new Label("Convene"), 120, 40).snapshot(null);
        rendered.complete("rendered a " + (int) image.getWidth() + "×" + (int) image.getHeight()
            + " test scene");
      } catch (RuntimeException | Error e) {
        rendered.completeExceptionally(e);
      }
    });
    try {
      return System.getProperty("javafx.runtime.version") + ", "
          + rendered.get(STEP_SECONDS, TimeUnit.SECONDS);
    } finally {
      Platform.exit();
    }
  }

  /** Device lists first (they may block; never on the FX thread), then factory and offer. */
  private String webrtc() throws Exception {
    int cameras = MediaEngine.cameras().size();
    int microphones = MediaEngine.microphones().size();
    try (MediaEngine engine = new MediaEngine(MediaOptions.synthetic(320, 180, 15))) {
      PeerConnectionFactory factory = engine.factory();
      RTCPeerConnection pc = factory.createPeerConnection(new RTCConfiguration(), candidate -> { });
      try {
        pc.addTrack(engine.audioTrack(), List.of("self-test"));
        pc.addTrack(engine.cameraTrack(), List.of("self-test"));
        String sdp = Rtc.createOffer(pc, false).get(STEP_SECONDS, TimeUnit.SECONDS).sdp;
        return "webrtc-java " + webrtcVersion() + ", offer with " + codecs(sdp) + "; "
            + cameras + " camera(s), " + microphones + " microphone(s)";
      } finally {
        pc.close(); // before the engine disposes the factory
      }
    }
  }

  private static String codecs(String sdp) {
    return List.of("VP8", "VP9", "H264", "AV1", "opus").stream()
        .filter(codec -> sdp.contains(" " + codec + "/"))
        .reduce((a, b) -> a + "/" + b).orElse("no known codec");
  }

  private boolean check(String name, java.util.concurrent.Callable<String> step) {
    long start = System.nanoTime();
    try {
      String result = step.call();
      row(name, result + " [" + (System.nanoTime() - start) / 1_000_000 + " ms]");
      return true;
    } catch (Exception | Error e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
          ? e.getCause() : e;
      row(name, "FAILED: " + cause);
      return false;
    }
  }

  private void row(String name, String value) {
    out.printf("%-8s %s%n", name, value);
  }

  static String version() {
    String version = SelfTest.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  private static String webrtcVersion() {
    try (InputStream in = PeerConnectionFactory.class.getResourceAsStream(
        "/META-INF/maven/dev.onvoid.webrtc/webrtc-java/pom.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "(unknown version)");
    } catch (java.io.IOException e) {
      return "(unknown version)";
    }
  }
}

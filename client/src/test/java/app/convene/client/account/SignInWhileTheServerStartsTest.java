package app.convene.client.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.api.ApiClient;
import app.convene.client.storage.SealedFiles;
import app.convene.client.testing.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a first start the sign-in form shows while the embedded server is still starting: what the
 * form sends waits for it, against a real server, and a server that failed to start lets the
 * request go and fail in words.
 */
class SignInWhileTheServerStartsTest {
  private static TestBackend backend;
  private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void start() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stop() throws Exception {
    BACKGROUND.shutdownNow();
    backend.close();
  }

  @Test
  void aSignInSentBeforeTheServerIsUpIsSentOnceItIs() throws Exception {
    CompletableFuture<ApiClient> signedIn = new CompletableFuture<>();
    SignInModel model = model(signedIn);
    CompletableFuture<Void> starting = new CompletableFuture<>();
    model.sendAfter(starting);
    String email = "anna-" + System.nanoTime() + "@example.com";
    fill(model, email);

    model.submit();

    // The server is up (the test's), so only the wait keeps the account from being made.
    Thread.sleep(1_500);
    assertThat(signedIn).isNotDone();
    assertThat(model.busyProperty().get()).isTrue();
    starting.complete(null);
    ApiClient api = signedIn.get(30, TimeUnit.SECONDS);
    assertThat(api.session().user().email()).isEqualTo(email);
    assertThat(model.errorProperty().get()).isEmpty();
  }

  @Test
  void aServerThatFailedToStartLetsTheRequestGoAndFailInWords() throws Exception {
    CompletableFuture<ApiClient> signedIn = new CompletableFuture<>();
    SignInModel model = model(signedIn);
    model.sendAfter(CompletableFuture.failedFuture(new java.io.IOException("port taken")));
    fill(model, "boris-" + System.nanoTime() + "@example.com");
    model.serverProperty().set("http://127.0.0.1:1"); // nothing listens there

    model.submit();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (model.errorProperty().get().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(model.errorProperty().get()).isNotEmpty().doesNotContain("Exception");
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(signedIn).isNotDone();
  }

  private static SignInModel model(CompletableFuture<ApiClient> signedIn) throws Exception {
    Path data = Files.createTempDirectory("convene-sign-in");
    return new SignInModel(new SessionStore(SealedFiles.withKeyFile(data)), BACKGROUND,
        Runnable::run, signedIn::complete, backend.clock());
  }

  private static void fill(SignInModel model, String email) {
    model.serverProperty().set(backend.httpBase().toString());
    model.createAccountProperty().set(true);
    model.emailProperty().set(email);
    model.passwordProperty().set("a long and unusual passphrase 42");
    model.displayNameProperty().set("Anna");
  }
}

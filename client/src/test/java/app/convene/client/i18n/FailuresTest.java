package app.convene.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.api.ApiException;
import app.convene.protocol.api.ApiError;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failures in the status line: the server's words, or the cause's, never a class name. */
class FailuresTest {
  @Test
  void theServersWordsWinOverTheCausesBeneathThem() {
    ApiException refused = new ApiException(new ApiError(400, "invalid_input",
        "the range is longer than 366 days"));

    assertThat(Failures.rootMessage(new CompletionException(refused)))
        .isEqualTo("the range is longer than 366 days");
    assertThat(Failures.rootMessage(new CompletionException(new ApiException(
        "cannot reach the server at http://127.0.0.1:8787", new ConnectException("refused")))))
        .isEqualTo("cannot reach the server at http://127.0.0.1:8787");
  }

  @Test
  void noJavaClassNameReachesTheUser() {
    Messages.use(Locale.ENGLISH);
    assertThat(Failures.rootMessage(new RuntimeException(
        new IOException("java.net.ConnectException: Connection refused"))))
        .isEqualTo("Connection refused");
    assertThat(Failures.rootMessage(new RuntimeException(new NullPointerException())))
        .isEqualTo("no details given");
    assertThat(Failures.rootMessage(new IllegalStateException("java.lang.IllegalStateException")))
        .isEqualTo("no details given");
    assertThat(Failures.rootMessage(new IllegalStateException("the camera is in use")))
        .isEqualTo("the camera is in use");
  }
}

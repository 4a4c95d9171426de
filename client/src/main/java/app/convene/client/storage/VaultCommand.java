package app.convene.client.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the system tools a {@link KeyVault} uses: given input on its standard input (or
 * none), its exit code and output back. The secret never goes on a command line, where other
 * users' {@code ps} could read it; only on standard input, standard output or (Windows) the
 * environment, which only the user and administrators see.
 */
final class VaultCommand {
  /** Long enough for a keyring that asks the user to unlock it. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** What the tool did. */
  record Result(int exit, byte[] out, String err) {
    String outText() {
      return new String(out, StandardCharsets.UTF_8).strip();
    }

    /** The first line of the error output, for a message; the tool's name when there is none. */
    String reason(String tool) {
      String first = err.strip().lines().findFirst().orElse("");
      return first.isEmpty() ? tool + " exited with " + exit : first;
    }
  }

  private VaultCommand() {}

  /**
   * Runs the command to its end.
   *
   * @param extraEnvironment variables added to the child's environment (a secret on Windows)
   * @throws IOException when it cannot start or does not end within {@link #TIMEOUT}
   */
  static Result run(List<String> command, Map<String, String> environment,
      Map<String, String> extraEnvironment, byte[] input) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().putAll(extraEnvironment);
    Process process = builder.start();
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input);
    } catch (IOException e) {
      // the tool exited without reading: its exit code says why
    }
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.getFirst() + " did not answer within "
            + TIMEOUT.toSeconds() + " s");
      }
      return new Result(process.exitValue(), out.get(),
          new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + command.getFirst(), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + command.getFirst(), e.getCause());
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread.ofVirtual().name("vault-output").start(() -> {
      try (InputStream in = stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        result.complete(bytes.toByteArray());
      } catch (IOException e) {
        result.completeExceptionally(new UncheckedIOException(e));
      }
    });
    return result;
  }
}

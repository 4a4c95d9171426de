package app.convene.client.google.ui;

import app.convene.client.google.GoogleException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Google or file I/O that blocks, for the Google models to run off the FX thread. */
@FunctionalInterface
interface GoogleIo<T> {
  T call() throws GoogleException, IOException;

  /** Runs {@code io} on {@code executor}; its exceptions fail the future. */
  static <T> CompletableFuture<T> run(Executor executor, GoogleIo<T> io) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return io.call();
      } catch (GoogleException | IOException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }
}

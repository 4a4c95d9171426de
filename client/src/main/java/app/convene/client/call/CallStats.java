package app.convene.client.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A call's figures: a snapshot of every peer connection on request ({@link #snapshot}), and every
 * 2 s while the call lasts a snapshot that moves the send ladder when encoders strain and goes to
 * the {@link CallListener#stats listener}.
 *
 * <p>Threading: {@link #snapshot} from any thread; the rest on the call executor.
 */
final class CallStats {
  static final long EVERY_MS = 2_000;

  private final CallSession call;
  private final ExecutorService executor;
  private final long joinNanos;
  private boolean running; // one loop per call, also across a fresh join

  CallStats(CallSession call, ExecutorService executor, long joinNanos) {
    this.call = call;
    this.executor = executor;
    this.joinNanos = joinNanos;
  }

  /**
   * A statistics snapshot of every peer connection. Completes within about 2 s even when a link
   * closes meanwhile (it then reports its last figures), and with an empty list once the call is
   * closed; never fails.
   */
  CompletableFuture<List<PeerStats>> snapshot() {
    CompletableFuture<List<PeerLink>> current = new CompletableFuture<>();
    try {
      executor.execute(() -> current.complete(List.copyOf(call.links().all())));
    } catch (RuntimeException e) {
      current.complete(List.of());
    }
    if (executor.isShutdown()) {
      current.complete(List.of()); // a discarded task never completes it
    }
    return current.thenCompose(list -> {
      List<CompletableFuture<PeerStats>> all = new ArrayList<>();
      for (PeerLink link : list) {
        all.add(link.stats(joinNanos));
      }
      return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    });
  }

  /** Starts the 2-s loop, unless it runs. */
  void start() {
    if (!running) {
      running = true;
      scheduleTick();
    }
  }

  private void scheduleTick() {
    CompletableFuture.delayedExecutor(EVERY_MS, TimeUnit.MILLISECONDS, executor).execute(() -> {
      if (call.isEnded()) {
        return;
      }
      snapshot().thenAcceptAsync(this::tick, executor);
    });
  }

  private void tick(List<PeerStats> all) {
    if (call.isEnded()) {
      return;
    }
    call.links().observe(all.stream().anyMatch(SendLadder::strained));
    call.listener().stats(all);
    scheduleTick();
  }
}

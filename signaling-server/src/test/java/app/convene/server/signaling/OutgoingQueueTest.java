package app.convene.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.server.signaling.OutgoingQueue.Result;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutgoingQueueTest {
  /** A WebSocket stand-in that the test completes by hand. */
  private static final class ManualSink implements OutgoingQueue.Sink {
    final List<String> sent = new ArrayList<>();
    final ArrayDeque<Consumer<Throwable>> inFlight = new ArrayDeque<>();

    @Override
    public void send(String text, Consumer<Throwable> done) {
      sent.add(text);
      inFlight.add(done);
    }

    void complete() {
      inFlight.remove().accept(null);
    }
  }

  private final ManualSink sink = new ManualSink();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicInteger actions = new AtomicInteger();

  private OutgoingQueue queue(int limit) {
    return new OutgoingQueue(sink, Runnable::run, limit, failure::set);
  }

  @Test
  void sendsOneTextAtATimeInOrder() {
    OutgoingQueue queue = queue(10);

    queue.offer("a");
    queue.offer("b");
    queue.offer("c");

    assertThat(sink.sent).containsExactly("a");
    sink.complete();
    assertThat(sink.sent).containsExactly("a", "b");
    sink.complete();
    assertThat(sink.sent).containsExactly("a", "b", "c");
  }

  @Test
  void offerNeverCallsTheSinkOnTheCallersThread() {
    List<Runnable> tasks = new ArrayList<>();
    OutgoingQueue queue = new OutgoingQueue(sink, tasks::add, 10, failure::set);

    queue.offer("a");

    assertThat(sink.sent).isEmpty();
    tasks.removeFirst().run();
    assertThat(sink.sent).containsExactly("a");
  }

  @Test
  void sinkCompletingInlineStillSendsEverythingInOrder() {
    List<String> sent = new ArrayList<>();
    OutgoingQueue queue = new OutgoingQueue(
        (text, done) -> {
          sent.add(text);
          done.accept(null);
        },
        Runnable::run, 500, failure::set);

    for (int i = 0; i < 200; i++) {
      assertThat(queue.offer("m" + i)).isEqualTo(Result.QUEUED);
    }

    assertThat(sent).hasSize(200).startsWith("m0", "m1").endsWith("m199");
  }

  @Test
  void fullQueueOverflowsDropsWhatWaitsAndAcceptsNothingMore() {
    OutgoingQueue queue = queue(2);
    queue.offer("in flight");
    queue.offer("waits 1");
    queue.offer("waits 2");

    assertThat(queue.offer("one too many")).isEqualTo(Result.OVERFLOWED);

    assertThat(queue.waiting()).isZero();
    assertThat(queue.offer("later")).isEqualTo(Result.CLOSED);
    sink.complete();
    assertThat(sink.sent).containsExactly("in flight");
  }

  @Test
  void finishSendsTheLastWordAfterTheTextInFlightThenRunsTheAction() {
    OutgoingQueue queue = queue(10);
    queue.offer("in flight");
    queue.offer("dropped");

    queue.finish("bye", actions::incrementAndGet);

    assertThat(sink.sent).containsExactly("in flight");
    sink.complete();
    assertThat(sink.sent).containsExactly("in flight", "bye");
    assertThat(actions).hasValue(0);
    sink.complete();
    assertThat(actions).hasValue(1);
    assertThat(queue.offer("after")).isEqualTo(Result.CLOSED);
  }

  @Test
  void abandonWhileATextIsInFlightRunsTheActionAtOnceWithoutSending() {
    OutgoingQueue queue = queue(10);
    queue.offer("stuck");
    queue.offer("dropped");

    queue.abandon("too slow", actions::incrementAndGet);

    assertThat(actions).hasValue(1);
    assertThat(sink.sent).containsExactly("stuck");
  }

  @Test
  void abandonOnAnIdleQueueSendsTheLastWordFirst() {
    OutgoingQueue queue = queue(10);

    queue.abandon("too slow", actions::incrementAndGet);

    assertThat(sink.sent).containsExactly("too slow");
    assertThat(actions).hasValue(0);
    sink.complete();
    assertThat(actions).hasValue(1);
  }

  @Test
  void failedSendClosesTheQueueAndReportsTheFailure() {
    OutgoingQueue queue = queue(10);
    queue.offer("a");
    queue.offer("b");
    IOException broken = new IOException("broken pipe");

    sink.inFlight.remove().accept(broken);

    assertThat(failure).hasValue(broken);
    assertThat(sink.sent).containsExactly("a");
    assertThat(queue.offer("c")).isEqualTo(Result.CLOSED);
  }
}

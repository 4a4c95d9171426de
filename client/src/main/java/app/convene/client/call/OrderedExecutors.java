package app.convene.client.call;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The call's and each link's executor: one ordered daemon thread. */
final class OrderedExecutors {
  private OrderedExecutors() {}

  /**
   * One daemon thread named {@code name}, handed to {@code started} when it is made. Tasks that
   * arrive after shutdown (late native callbacks) are dropped rather than thrown on WebRTC threads.
   */
  static ExecutorService create(String name, Consumer<Thread> started) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          started.accept(t);
          return t;
        },
        new ThreadPoolExecutor.DiscardPolicy());
  }
}

package app.convene.server.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The events that a logger (at the levels the test configuration lets through: WARN and up) logs
 * while this is open, caught with logback's own list appender.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String name) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  public static LogCapture of(Class<?> source) {
    return new LogCapture(source.getName());
  }

  /** Captures a logger by name, e.g. {@code convene.security}. */
  public static LogCapture named(String name) {
    return new LogCapture(name);
  }

  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  /** The first event with this message, waiting up to the timeout for it. */
  public ILoggingEvent await(String message, Duration timeout) throws InterruptedException {
    return await(e -> e.getFormattedMessage().equals(message), timeout, message);
  }

  public ILoggingEvent await(Predicate<ILoggingEvent> wanted, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ILoggingEvent event : events()) {
        if (wanted.test(event)) {
          return event;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no log event '" + what + "' within " + timeout + "; got "
            + events().stream().map(LogCapture::describe).toList());
      }
      Thread.sleep(20);
    }
  }

  /** A key-value of an event, or {@code null}. */
  public static Object value(ILoggingEvent event, String key) {
    if (event.getKeyValuePairs() == null) {
      return null;
    }
    return event.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key))
        .map(kv -> kv.value).findFirst().orElse(null);
  }

  /** Level, message, key-values and the cause's text: everything an operator would see. */
  public static String describe(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of()
        : event.getKeyValuePairs();
    return event.getLevel() + " " + event.getFormattedMessage() + " " + pairs
        + (event.getThrowableProxy() == null ? ""
            : " " + event.getThrowableProxy().getClassName() + ": "
                + event.getThrowableProxy().getMessage());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}

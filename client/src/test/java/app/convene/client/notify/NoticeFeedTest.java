package app.convene.client.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.Notice;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notice feed against a real server: it hears notices, comes back after a restart, stops. */
class NoticeFeedTest {
  private static final long WAIT_SECONDS = 10;

  private static TestBackend backend;

  private final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> connections = new LinkedBlockingQueue<>();
  private Account anna;
  private Account boris;
  private NoticeFeed feed;

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  @BeforeEach
  void signIn() throws Exception {
    anna = backend.account("Anna");
    boris = backend.account("Boris");
    feed = new NoticeFeed(backend.signalingUri(), boris.api()::accessToken,
        new NoticeListener() {
          @Override
          public void onNotice(Notice notice) {
            notices.add(notice);
          }

          @Override
          public void onConnectionChanged(boolean connected, String detail) {
            connections.add(connected);
          }
        },
        Runnable::run, Duration.ofMillis(50), Duration.ofMillis(400));
  }

  @AfterEach
  void stopFeed() {
    feed.close();
  }

  @Test
  void attendeeHearsOfTheInvitation() throws Exception {
    feed.start();
    awaitConnected();

    backend.meeting(anna, "Design review", boris);

    Notice notice = notices.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(notice).isNotNull();
    assertThat(notice.kind()).isEqualTo(Notice.Kind.INVITED);
    assertThat(notice.title()).isEqualTo("Design review");
    assertThat(notice.actor()).isEqualTo("Anna");
  }

  @Test
  void feedReconnectsAfterTheServerRestarts() throws Exception {
    feed.start();
    awaitConnected();

    backend.restart();

    assertThat(connections.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("disconnected").isFalse();
    awaitConnected();
    backend.meeting(anna, "After the restart", boris);
    Notice notice = notices.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(notice).isNotNull();
    assertThat(notice.title()).isEqualTo("After the restart");
  }

  @Test
  void closeStopsTheFeed() throws Exception {
    feed.start();
    awaitConnected();

    feed.close();
    backend.meeting(anna, "Unheard", boris);

    assertThat(notices.poll(500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(connections).isEmpty();
  }

  /** Skips failed attempts (the server may still be starting) until one connects. */
  private void awaitConnected() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      Boolean connected = connections.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (Boolean.TRUE.equals(connected)) {
        return;
      }
    }
    throw new AssertionError("the feed did not connect within " + WAIT_SECONDS + " s");
  }
}

package app.convene.client.google;

import app.convene.client.storage.SealedFiles;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.services.calendar.Calendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wiring shared by the Google tests: the real libraries, pointed at a {@link FakeGoogle}. */
final class GoogleTestSupport {
  /** "Now" in the sync tests; fake events lie around it. */
  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private GoogleTestSupport() {}

  /** Back-off that records its waits instead of sleeping: 10, 20, 40 ... ms, five tries. */
  static final class FastRetry {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final Retry retry =
        new Retry(
            () ->
                new ExponentialBackOff.Builder()
                    .setInitialIntervalMillis(10)
                    .setRandomizationFactor(0)
                    .setMultiplier(2)
                    .build(),
            sleeps::add,
            5);
  }

  static GoogleAuth auth(FakeGoogle fake, Path dataDir, BrowserOpener browser) {
    return new GoogleAuth(fake.config(), SealedFiles.withKeyFile(dataDir), browser, new NetHttpTransport(), Duration.ofSeconds(10));
  }

  static Credential signIn(FakeGoogle fake, Path dataDir) throws GoogleException {
    return auth(fake, dataDir, new PlayingBrowser()).signIn();
  }

  static Calendar calendar(FakeGoogle fake, Credential credential) {
    return GoogleHttp.calendar(new NetHttpTransport(), fake.config(), credential);
  }

  static GoogleCalendarSync sync(FakeGoogle fake, Credential credential, Path dataDir, Retry retry, int pageSize) {
    return new GoogleCalendarSync(
        calendar(fake, credential),
        retry,
        new EventCache(GoogleAuth.googleDir(dataDir)),
        pageSize,
        Duration.ofDays(365),
        Clock.fixed(NOW, ZoneOffset.UTC),
        ZoneOffset.UTC);
  }
}

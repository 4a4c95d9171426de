package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.storage.SealedFiles;
import app.convene.client.call.InviteLink;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ScheduleResult;
import app.convene.protocol.api.ServiceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Copy invite link" in a meeting's menu: the host's link with its token; nobody else's. */
class InviteLinkCopyTest {
  private static final Executor NOW = Runnable::run;

  @TempDir Path dataDir;

  @Test
  void theHostCopiesAWorkingLinkAnAttendeeIsToldOnlyTheHostCan() throws Exception {
    Messages.use(Locale.ENGLISH);
    try (TestBackend backend = TestBackend.start()) {
      Account anna = backend.account("Anna");
      Account boris = backend.account("Boris");
      Instant start = backend.clock().instant().plus(Duration.ofHours(2));
      ScheduleResult planned = anna.api().schedule(new EventRequest("Planning", "", start,
          start.plus(Duration.ofHours(1)), "Europe/Berlin", List.of(boris.email()),
          ServiceKind.NATIVE, null));

      CalendarModel annas = model(backend, anna);
      Optional<String> link = annas.inviteLink(occurrence(backend, anna)).get(30, TimeUnit.SECONDS);

      assertThat(link).isPresent();
      InviteLink parsed = InviteLink.parse(link.get()).orElseThrow();
      assertThat(parsed.roomId()).isEqualTo(planned.room().id());
      assertThat(parsed.invite()).isEqualTo(planned.room().inviteToken());
      assertThat(annas.statusProperty().get()).startsWith("Invite link copied");

      CalendarModel boriss = model(backend, boris);
      assertThat(boriss.inviteLink(occurrence(backend, boris)).get(30, TimeUnit.SECONDS)).isEmpty();
      assertThat(boriss.statusProperty().get())
          .isEqualTo("Only the meeting's host can copy its invite link.");
    }
  }

  private CalendarModel model(TestBackend backend, Account account) {
    CalendarService service = new CalendarService(account.api(),
        new MeetingCache(SealedFiles.withKeyFile(dataDir), account.user().id()), backend.clock());
    return new CalendarModel(service, Week.of(backend.clock(), Locale.ENGLISH),
        account.user().id(), NOW, NOW, occurrence -> { });
  }

  private static OccurrenceView occurrence(TestBackend backend, Account account) throws Exception {
    Instant now = backend.clock().instant();
    return account.api().events(now, now.plus(Duration.ofDays(1))).getFirst();
  }
}

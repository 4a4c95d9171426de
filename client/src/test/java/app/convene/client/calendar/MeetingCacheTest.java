package app.convene.client.calendar;

import app.convene.client.storage.SealedFiles;
import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.RestJson;
import app.convene.protocol.api.EventStatus;
import app.convene.protocol.api.EventView;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.ServiceKind;
import app.convene.protocol.api.UserView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingCacheTest {
  @TempDir Path dir;

  private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant DEC_8 = Instant.parse("2026-12-08T00:00:00Z");
  private static final Instant DEC_15 = Instant.parse("2026-12-15T00:00:00Z");

  private static OccurrenceView meeting(String id, Instant start) {
    EventView event = new EventView(id, "Meeting " + id, "", start, start.plusSeconds(1800), "UTC",
        new UserView("u-1", "anna@example.com", "Anna"), List.of(), ServiceKind.NATIVE, "r-" + id,
        null, EventStatus.SCHEDULED, null, 0, start);
    return new OccurrenceView(event, start, start.plusSeconds(1800));
  }

  @Test
  void storedMeetingsComeBackAfterARestartReadableByTheOwnerOnly() throws Exception {
    OccurrenceView standup = meeting("e-1", DEC_1.plusSeconds(9 * 3600));
    new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").store(new MeetingCache.Snapshot(DEC_1, DEC_1, DEC_8, List.of(standup)));

    MeetingCache.Snapshot loaded = new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").load().orElseThrow();

    assertThat(loaded.occurrences()).containsExactly(standup);
    assertThat(loaded.fetchedAt()).isEqualTo(DEC_1);
    Path file = dir.resolve("meetings-u-1.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(new MeetingCache(SealedFiles.withKeyFile(dir), "u-2").load()).isEmpty();
  }

  @Test
  void aFreshFetchReplacesItsRangeAndKeepsTheRest() {
    MeetingCache cache = new MeetingCache(SealedFiles.withKeyFile(dir), "u-1");
    OccurrenceView firstWeek = meeting("e-1", DEC_1.plusSeconds(3600));
    OccurrenceView secondWeek = meeting("e-2", DEC_8.plusSeconds(3600));
    cache.store(new MeetingCache.Snapshot(DEC_1, DEC_1, DEC_15, List.of(firstWeek, secondWeek)));

    OccurrenceView moved = meeting("e-3", DEC_8.plusSeconds(7200));
    cache.store(new MeetingCache.Snapshot(DEC_8, DEC_8, DEC_15, List.of(moved)));

    MeetingCache.Snapshot loaded = cache.load().orElseThrow();
    assertThat(loaded.occurrences()).containsExactly(firstWeek, moved);
    assertThat(loaded.from()).isEqualTo(DEC_1);
    assertThat(loaded.to()).isEqualTo(DEC_15);
  }

  @Test
  void theFileHoldsNoMeetingTitleOrAddress() throws Exception {
    OccurrenceView standup = meeting("e-1", DEC_1.plusSeconds(9 * 3600));
    new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").store(new MeetingCache.Snapshot(DEC_1, DEC_1, DEC_8, List.of(standup)));

    assertThat(Files.readString(dir.resolve("meetings-u-1.json"), StandardCharsets.ISO_8859_1))
        .doesNotContain("Meeting e-1").doesNotContain("anna@example.com");
    assertThat(new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").load().orElseThrow().occurrences())
        .containsExactly(standup);
  }

  @Test
  void aPlainCacheOfAnOlderVersionIsKeptAndWrittenBackEncrypted() throws Exception {
    OccurrenceView standup = meeting("e-1", DEC_1.plusSeconds(9 * 3600));
    Files.write(dir.resolve("meetings-u-1.json"), RestJson.mapper().writeValueAsBytes(
        new MeetingCache.Snapshot(DEC_1, DEC_1, DEC_8, List.of(standup))));

    assertThat(new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").load().orElseThrow().occurrences())
        .containsExactly(standup);

    assertThat(Files.readString(dir.resolve("meetings-u-1.json"), StandardCharsets.ISO_8859_1))
        .doesNotContain("Meeting e-1");
    assertThat(new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").load().orElseThrow().occurrences())
        .containsExactly(standup);
  }

  @Test
  void aCorruptedEncryptedCacheIsLikeNoCache() throws Exception {
    MeetingCache cache = new MeetingCache(SealedFiles.withKeyFile(dir), "u-1");
    OccurrenceView standup = meeting("e-1", DEC_1.plusSeconds(9 * 3600));
    cache.store(new MeetingCache.Snapshot(DEC_1, DEC_1, DEC_8, List.of(standup)));
    byte[] bytes = Files.readAllBytes(dir.resolve("meetings-u-1.json"));
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(dir.resolve("meetings-u-1.json"), bytes);

    assertThat(cache.load()).isEmpty();
    cache.store(new MeetingCache.Snapshot(DEC_8, DEC_1, DEC_8, List.of(standup)));
    assertThat(cache.load().orElseThrow().occurrences()).containsExactly(standup);
  }

  @Test
  void aDamagedCacheIsIgnoredNotFatal() throws Exception {
    Files.writeString(dir.resolve("meetings-u-1.json"), "{\"fetchedAt\": tru");

    assertThat(new MeetingCache(SealedFiles.withKeyFile(dir), "u-1").load()).isEmpty();
  }
}

package app.convene.client.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Time zones as the schedule dialog names them. */
class ZoneLabelsTest {
  private static final LocalDate WINTER = LocalDate.of(2026, 12, 7);
  private static final LocalDate SUMMER = LocalDate.of(2026, 7, 7);
  private static final Locale RU = Locale.forLanguageTag("ru");

  @Test
  void zonesReadAsPeopleNameThemWithTheOffsetOfTheMeetingsDate() {
    assertThat(ZoneLabels.label(ZoneId.of("Etc/UTC"), WINTER, Locale.ENGLISH))
        .isEqualTo("(UTC) Coordinated Universal Time");
    assertThat(ZoneLabels.label(ZoneId.of("Europe/Moscow"), WINTER, Locale.ENGLISH))
        .isEqualTo("(UTC+03:00) Moscow Time");
    assertThat(ZoneLabels.label(ZoneId.of("America/New_York"), WINTER, Locale.ENGLISH))
        .isEqualTo("(UTC\u221205:00) Eastern Time (New York)");
    assertThat(ZoneLabels.label(ZoneId.of("America/New_York"), SUMMER, Locale.ENGLISH))
        .isEqualTo("(UTC\u221204:00) Eastern Time (New York)");
  }

  @Test
  void inRussianTooWithoutARawId() {
    assertThat(ZoneLabels.label(ZoneId.of("Etc/UTC"), WINTER, RU))
        .isEqualTo("(UTC) Всемирное координированное время");
    assertThat(ZoneLabels.label(ZoneId.of("Europe/Moscow"), WINTER, RU))
        .startsWith("(UTC+03:00) Москва").doesNotContain("Europe/");
  }

  @Test
  void theListRunsFromWestToEast() {
    List<ZoneId> sorted = ZoneLabels.sorted(List.of(ZoneId.of("Asia/Tokyo"), ZoneId.of("Etc/UTC"),
        ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/Berlin")), WINTER, Locale.ENGLISH);

    assertThat(sorted).extracting(ZoneId::getId)
        .containsExactly("America/Los_Angeles", "Etc/UTC", "Europe/Berlin", "Asia/Tokyo");
  }
}

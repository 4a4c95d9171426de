package app.convene.client.google.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.model.Calendar;
import org.junit.jupiter.api.Test;

class GoogleStylesTest {
  @Test
  void googleColoursMapToTheNearestCalendarFxStyleButNeverTheNativeGreen() {
    assertThat(GoogleStyles.nearest("#f83a22")).isEqualTo(Calendar.Style.STYLE5); // tomato
    assertThat(GoogleStyles.nearest("#4986e7")).isEqualTo(Calendar.Style.STYLE2); // blueberry
    assertThat(GoogleStyles.nearest("#fad165")).isEqualTo(Calendar.Style.STYLE3); // banana
    assertThat(GoogleStyles.nearest("#ff7537")).isEqualTo(Calendar.Style.STYLE6); // tangerine
    assertThat(GoogleStyles.nearest("#cd74e6")).isEqualTo(Calendar.Style.STYLE4); // purple
    assertThat(GoogleStyles.nearest("#16a765")).isNotEqualTo(Calendar.Style.STYLE1);
  }

  @Test
  void unknownOrBadColoursAreBlue() {
    assertThat(GoogleStyles.nearest(null)).isEqualTo(Calendar.Style.STYLE2);
    assertThat(GoogleStyles.nearest("teal")).isEqualTo(Calendar.Style.STYLE2);
  }
}

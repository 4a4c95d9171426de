package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InviteLinkTest {
  @Test
  void linkRoundTrips() {
    InviteLink link = new InviteLink("r-7f3a", "inv_9x2");

    assertThat(InviteLink.parse(link.toString())).contains(link);
    assertThat(link.toString()).isEqualTo("convene://join/r-7f3a?invite=inv_9x2");
  }

  @Test
  void bareRoomIdAndSurroundingSpaceAreAccepted() {
    assertThat(InviteLink.parse("  r-7f3a \n")).contains(new InviteLink("r-7f3a", null));
    assertThat(InviteLink.parse("convene://join/r-7f3a")).contains(new InviteLink("r-7f3a", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://join/r-1?invite=x", "convene://leave/r-1", "convene://join/",
      "convene://join/r 1", "convene://join/../../etc", "meet me at noon"})
  void anythingElseIsRefused(String text) {
    assertThat(InviteLink.parse(text)).isEmpty();
  }
}

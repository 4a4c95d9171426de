package app.convene.client.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Meeting-link detection in event locations and descriptions as Google Calendar holds them. */
final class GoogleMeetingLinksTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Join: https://meet.google.com/abc-defg-hij.|GOOGLE_MEET|https://meet.google.com/abc-defg-hij",
        "(https://meet.google.com/abc-defg-hij)|GOOGLE_MEET|https://meet.google.com/abc-defg-hij",
        "<https://meet.google.com/abc-defg-hij?authuser=0>|GOOGLE_MEET|https://meet.google.com/abc-defg-hij?authuser=0",
        "Zoom: https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu, passcode 123|ZOOM|https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu",
        "https://zoom.us/j/5551234567|ZOOM|https://zoom.us/j/5551234567",
        "Gov: https://agency.zoomgov.com/j/1612345678!|ZOOM|https://agency.zoomgov.com/j/1612345678",
        "Teams https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0?context=%7b%22Tid%22%7d;|TEAMS|https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0?context=%7b%22Tid%22%7d",
        "https://teams.live.com/meet/9876543210123?p=abcDEF|TEAMS|https://teams.live.com/meet/9876543210123?p=abcDEF",
        "Room 4.12, then HTTPS://meet.google.com/abc-defg-hij|GOOGLE_MEET|HTTPS://meet.google.com/abc-defg-hij",
      })
  void findsTheLinkInRealisticText(String text, MeetingLink.Kind kind, String url) {
    assertThat(MeetingLinks.find(text)).get().isEqualTo(new MeetingLink(kind, URI.create(url)));
  }

  @Test
  void findsLinksInsideHtmlDescriptionsAndDecodesAmpersands() {
    String html =
        "<p>Hi all,</p><a href=\"https://us06web.zoom.us/j/84412345678?pwd=abc&amp;uname=x\">Join Zoom"
            + " Meeting</a><br>Meeting ID: 844 1234 5678";

    assertThat(MeetingLinks.find(html)).get().isEqualTo(
        new MeetingLink(MeetingLink.Kind.ZOOM, URI.create("https://us06web.zoom.us/j/84412345678?pwd=abc&uname=x")));
  }

  @Test
  void searchesLocationBeforeDescriptionAndSkipsOtherLinks() {
    String location = "https://example.com/agenda then https://teams.microsoft.com/l/meetup-join/abc";
    String description = "https://meet.google.com/abc-defg-hij";

    assertThat(MeetingLinks.find(null, location, description)).get()
        .extracting(MeetingLink::kind).isEqualTo(MeetingLink.Kind.TEAMS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://meet.google.com.evil.com/abc-defg-hij",
        "https://meet.google.com@evil.com/abc-defg-hij",
        "https://evil.com/https://meet.google.com/abc-defg-hij",
        "https://zoom.us.example.com/j/123456789",
        "https://notzoom.us/j/123456789",
        "https://teams.microsoft.com.phish.io/l/meetup-join/abc",
        "http://meet.google.com/abc-defg-hij",
        "https://meet.google.com/landing",
        "https://meet.google.com:8443/abc-defg-hij",
        "javascript:alert(1)//meet.google.com/abc-defg-hij",
        "meet.google.com/abc-defg-hij",
        "https://zoom.us/pricing",
      })
  void ignoresLookAlikesAndNonMeetingLinks(String text) {
    assertThat(MeetingLinks.find(text)).isEmpty();
  }

  @Test
  void eventJoinLinkPrefersItsMeetLinkOverLinksInText() {
    GoogleEvent event = new GoogleEvent("c", "e", null, "Sync", "Zoom: https://zoom.us/j/5551234567",
        null, null, null, false, "https://meet.google.com/abc-defg-hij", null, null, null, false);
    GoogleEvent zoomOnly = new GoogleEvent("c", "e", null, "Sync", "Zoom: https://zoom.us/j/5551234567",
        null, null, null, false, null, null, null, null, false);

    assertThat(event.joinLink()).get().extracting(MeetingLink::kind).isEqualTo(MeetingLink.Kind.GOOGLE_MEET);
    assertThat(zoomOnly.joinLink()).get().extracting(MeetingLink::kind).isEqualTo(MeetingLink.Kind.ZOOM);
  }
}

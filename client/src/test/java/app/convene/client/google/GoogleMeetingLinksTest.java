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
        "Join: https://meet.google.com/abc-defg-hij.|meet|https://meet.google.com/abc-defg-hij",
        "(https://meet.google.com/abc-defg-hij)|meet|https://meet.google.com/abc-defg-hij",
        "<https://meet.google.com/abc-defg-hij?authuser=0>|meet|https://meet.google.com/abc-defg-hij?authuser=0",
        "Zoom: https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu, passcode 123|zoom|https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu",
        "https://zoom.us/j/5551234567|zoom|https://zoom.us/j/5551234567",
        "Gov: https://agency.zoomgov.com/j/1612345678!|zoom|https://agency.zoomgov.com/j/1612345678",
        "Teams https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0?context=%7b%22Tid%22%7d;|teams|https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5%40thread.v2/0?context=%7b%22Tid%22%7d",
        "https://teams.live.com/meet/9876543210123?p=abcDEF|teams|https://teams.live.com/meet/9876543210123?p=abcDEF",
        "Room 4.12, then HTTPS://meet.google.com/abc-defg-hij|meet|HTTPS://meet.google.com/abc-defg-hij",
        // issue 16: shapes and services that were missed
        "Meet: https://meet.google.com/abc-defg-hij/|meet|https://meet.google.com/abc-defg-hij/",
        "Call on meet.google.com/abc-defg-hij today|meet|https://meet.google.com/abc-defg-hij",
        "https://us04web.zoom.us/wc/81234567890/join?pwd=x|zoom|https://us04web.zoom.us/wc/81234567890/join?pwd=x",
        "https://acme.zoom.us/my/ana.smith|zoom|https://acme.zoom.us/my/ana.smith",
        "https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_x|teams|https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_x",
        "https://dod.teams.microsoft.us/l/meetup-join/19%3ameeting_x|teams|https://dod.teams.microsoft.us/l/meetup-join/19%3ameeting_x",
        "https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef|webex|https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef",
        "https://acme.webex.com/meet/ana.smith|webex|https://acme.webex.com/meet/ana.smith",
        "https://meet.jit.si/QuarterlyPlanning|jitsi|https://meet.jit.si/QuarterlyPlanning",
        "https://whereby.com/acme-standup|whereby|https://whereby.com/acme-standup",
        "https://global.gotomeeting.com/join/123456789|goto|https://global.gotomeeting.com/join/123456789",
        "https://meet.goto.com/123456789|goto|https://meet.goto.com/123456789",
        "https://app.slack.com/huddle/T01ABCDEF/C02GHIJKL|slack|https://app.slack.com/huddle/T01ABCDEF/C02GHIJKL",
        "https://chime.aws/1234567890|chime|https://chime.aws/1234567890",
        "https://bluejeans.com/123456789|bluejeans|https://bluejeans.com/123456789",
        "https://join.skype.com/AbCdEf123|skype|https://join.skype.com/AbCdEf123",
        "https://meeting.zoho.eu/meeting/join?key=123|zoho|https://meeting.zoho.eu/meeting/join?key=123",
        "https://call.lifesizecloud.com/1234567|lifesize|https://call.lifesizecloud.com/1234567",
        "https://meetings.vonage.com/123456789|vonage|https://meetings.vonage.com/123456789",
        "https://meetings.dialpad.com/ana-smith|dialpad|https://meetings.dialpad.com/ana-smith",
        "https://meetings.ringcentral.com/j/1234567890|ringcentral|https://meetings.ringcentral.com/j/1234567890",
        "https://v.ringcentral.com/join/123456789|ringcentral|https://v.ringcentral.com/join/123456789",
      })
  void findsTheLinkInRealisticText(String text, String service, String url) {
    assertThat(MeetingLinks.find(text)).get().satisfies(link -> {
      assertThat(link.kind().id()).isEqualTo(service);
      assertThat(link.uri()).isEqualTo(URI.create(url));
    });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.google.com/url?q=https%3A%2F%2Fmeet.google.com%2Fabc-defg-hij&sa=D&source=calendar&ust=1|meet|https://meet.google.com/abc-defg-hij",
        "https://www.google.com/url?q=https://us02web.zoom.us/j/81234567890&sa=D|zoom|https://us02web.zoom.us/j/81234567890",
        "https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_x%2F0&data=05%7C01&reserved=0|teams|https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0",
      })
  void unwrapsGoogleAndSafeLinksRedirects(String text, String service, String url) {
    assertThat(MeetingLinks.find("Join: " + text)).get().satisfies(link -> {
      assertThat(link.kind().id()).isEqualTo(service);
      assertThat(link.uri()).isEqualTo(URI.create(url));
    });
  }

  @Test
  void keepsALinkThatJavaNetUriWouldRefuseByEncodingWhatItRefuses() {
    String text = "Teams: https://teams.microsoft.com/l/meetup-join/19:meeting_x@thread.v2/0?context={\"Tid\":1}|x";
    String raw = "Zoom https://zoom.us/j/5551234567?pwd=a|b^c.";

    assertThat(MeetingLinks.find(raw)).get().satisfies(link -> {
      assertThat(link.kind().id()).isEqualTo("zoom");
      assertThat(link.uri()).hasToString("https://zoom.us/j/5551234567?pwd=a%7Cb%5Ec");
    });
    assertThat(MeetingLinks.find(text)).get()
        .satisfies(link -> assertThat(link.kind().id()).isEqualTo("teams"));
  }

  @Test
  void everyListedServiceHasANameAndHosts() {
    assertThat(MeetingServices.ALL.services()).hasSizeGreaterThanOrEqualTo(16)
        .allSatisfy(s -> assertThat(s.hosts()).isNotEmpty());
    assertThat(MeetingServices.ALL.services()).extracting(s -> s.kind().id()).contains("meet", "zoom",
        "teams", "webex", "jitsi", "whereby", "goto", "slack", "chime", "bluejeans", "skype", "zoho",
        "lifesize", "vonage", "dialpad", "ringcentral");
  }

  @Test
  void findsLinksInsideHtmlDescriptionsAndDecodesAmpersands() {
    String html =
        "<p>Hi all,</p><a href=\"https://us06web.zoom.us/j/84412345678?pwd=abc&amp;uname=x\">Join Zoom"
            + " Meeting</a><br>Meeting ID: 844 1234 5678";

    assertThat(MeetingLinks.find(html)).get().extracting(MeetingLink::uri)
        .isEqualTo(URI.create("https://us06web.zoom.us/j/84412345678?pwd=abc&uname=x"));
  }

  @Test
  void searchesLocationBeforeDescriptionAndSkipsOtherLinks() {
    String location = "https://example.com/agenda then https://teams.microsoft.com/l/meetup-join/abc";
    String description = "https://meet.google.com/abc-defg-hij";

    assertThat(MeetingLinks.find(null, location, description)).get()
        .extracting(link -> link.kind().id()).isEqualTo("teams");
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
        "https://zoom.us/pricing",
        "https://www.google.com/url?q=https%3A%2F%2Fevil.com%2Fabc-defg-hij",
        "https://evil.safelinks.protection.outlook.com.evil.com/?url=https%3A%2F%2Fmeet.google.com%2Fabc-defg-hij",
        "https://dialpad.com/pricing",
        "https://teams.microsoft.us.evil.com/l/meetup-join/x",
        "see evil.com/meet.google.com/abc-defg-hij",
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

    assertThat(event.joinLink()).get().extracting(l -> l.kind().id()).isEqualTo("meet");
    assertThat(zoomOnly.joinLink()).get().extracting(l -> l.kind().id()).isEqualTo("zoom");
  }
}

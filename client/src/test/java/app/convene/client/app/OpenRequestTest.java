package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.InviteLink;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenRequestTest {
  private static final InviteLink SAMPLE =
      new InviteLink("3f9c2b1e-7a44-4d0e-9a51-0c2f6e8d1b77", "Zx8_kQ2-pLm4");

  @TempDir Path dir;

  @Test
  void anInviteLinkJoinsItsRoom() {
    assertThat(OpenRequest.parse("convene://join/r-7f3a?invite=inv_9x2"))
        .isEqualTo(new OpenRequest.Join(new InviteLink("r-7f3a", "inv_9x2")));
    assertThat(OpenRequest.parse(" convene://join/r-7f3a "))
        .isEqualTo(new OpenRequest.Join(new InviteLink("r-7f3a", null)));
  }

  @Test
  void noArgumentOnlyBringsTheAppForward() {
    assertThat(OpenRequest.parse("")).isEqualTo(new OpenRequest.Activate());
    assertThat(OpenRequest.parse(null)).isEqualTo(new OpenRequest.Activate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"convene://leave/r-1", "convene://join/", "convene://join/../../etc",
      "CONVENE://join/r 1"})
  void aBrokenConveneLinkIsABadLink(String text) {
    assertThat(OpenRequest.parse(text)).isEqualTo(new OpenRequest.Invalid("open.badLink", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://meet.google.com/abc-defg-hij", "mailto:anna@example.com"})
  void otherSchemesAreRefusedByName(String text) {
    assertThat(OpenRequest.parse(text)).isEqualTo(new OpenRequest.Invalid("open.unsupported", text));
  }

  @Test
  void anIcsInvitationJoinsTheLinkInItsDescriptionAcrossAFoldedLine() throws Exception {
    Path file = copy("invite.ics");

    assertThat(OpenRequest.parse(file.toString())).isEqualTo(new OpenRequest.Join(SAMPLE));
  }

  @Test
  void aFileUriIsReadLikeAPath() throws Exception {
    Path file = copy("invite.ics");

    assertThat(OpenRequest.parse(file.toUri().toString())).isEqualTo(new OpenRequest.Join(SAMPLE));
  }

  @Test
  void theUrlPropertyWinsOverLocationAndDescription() throws Exception {
    Path file = write("""
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DESCRIPTION:old link convene://join/old-room
        LOCATION:convene://join/location-room
        URL;VALUE=URI:convene://join/url-room?invite=t0k3n
        END:VEVENT
        END:VCALENDAR
        """);

    assertThat(OpenRequest.parse(file.toString()))
        .isEqualTo(new OpenRequest.Join(new InviteLink("url-room", "t0k3n")));
  }

  @Test
  void aLinkOutsideAnyEventIsIgnored() throws Exception {
    Path file = write("""
        BEGIN:VCALENDAR
        X-WR-CALDESC:convene://join/not-an-event
        BEGIN:VEVENT
        SUMMARY:Lunch
        END:VEVENT
        END:VCALENDAR
        """);

    assertThat(OpenRequest.parse(file.toString()))
        .isEqualTo(new OpenRequest.Invalid("open.noLink", file.toString()));
  }

  @Test
  void anInvitationOfAnotherServiceSaysItHasNoConveneLink() throws Exception {
    Path file = copy("google-meet.ics");

    assertThat(OpenRequest.parse(file.toString()))
        .isEqualTo(new OpenRequest.Invalid("open.noLink", file.toString()));
  }

  @Test
  void aFileThatIsNotACalendarIsRefused() throws Exception {
    Path file = write("convene://join/r-1 but this is a text file\n");

    assertThat(OpenRequest.parse(file.toString()))
        .isEqualTo(new OpenRequest.Invalid("open.notCalendar", file.toString()));
  }

  @Test
  void aMissingFileOrAFolderIsRefused() {
    String missing = dir.resolve("gone.ics").toString();

    assertThat(OpenRequest.parse(missing)).isEqualTo(new OpenRequest.Invalid("open.noFile", missing));
    assertThat(OpenRequest.parse(dir.toString()))
        .isEqualTo(new OpenRequest.Invalid("open.noFile", dir.toString()));
  }

  @Test
  void aHugeFileIsNotReadWhole() throws Exception {
    Path file = dir.resolve("huge.ics");
    Files.write(file, new byte[(int) OpenRequest.MAX_FILE_BYTES + 1]);

    assertThat(OpenRequest.parse(file.toString()))
        .isEqualTo(new OpenRequest.Invalid("open.tooLarge", file.toString()));
  }

  @Test
  void aRelativePathIsHandedOverAbsolutelyAndLinksUnchanged() {
    assertThat(OpenRequest.absolute("invite.ics"))
        .isEqualTo(Path.of("invite.ics").toAbsolutePath().toString());
    assertThat(OpenRequest.absolute("convene://join/r-1")).isEqualTo("convene://join/r-1");
    assertThat(OpenRequest.absolute("")).isEmpty();
  }

  private Path copy(String resource) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Path file = dir.resolve(resource);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "invite", ".ics");
    Files.writeString(file, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    return file;
  }
}

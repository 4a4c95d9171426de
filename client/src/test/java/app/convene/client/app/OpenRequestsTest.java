package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.call.InviteLink;
import app.convene.client.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenRequestsTest {
  private final OpenRequests requests = new OpenRequests();
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void english() {
    Messages.use(Locale.ENGLISH);
  }

  @Test
  void aJoinBeforeSignInWaitsAndJoinsOnceSignedIn() {
    requests.submit(new OpenRequest.Join(new InviteLink("r-1", "t")));
    attach();
    assertThat(events).containsExactly("front");

    requests.signedIn(link -> events.add("join " + link));

    assertThat(events).containsExactly("front", "join convene://join/r-1?invite=t");
  }

  @Test
  void aJoinWhileSignedInJoinsAtOnceAndAfterSignOutWaitsAgain() {
    attach();
    requests.signedIn(link -> events.add("join " + link));
    requests.submit(new OpenRequest.Join(new InviteLink("r-1", null)));
    requests.signedOut();
    requests.submit(new OpenRequest.Join(new InviteLink("r-2", null)));

    assertThat(events).containsExactly("front", "join convene://join/r-1", "front");
    requests.signedIn(link -> events.add("again " + link));
    assertThat(events).endsWith("again convene://join/r-2");
  }

  @Test
  void aProblemIsShownAtOnceInTheUsersLanguage() {
    attach();
    requests.submit(new OpenRequest.Invalid("open.noFile", "/tmp/x.ics"));
    Messages.use(Locale.forLanguageTag("ru"));
    requests.submit(new OpenRequest.Invalid("open.noFile", "/tmp/y.ics"));

    assertThat(events).containsExactly("front",
        "problem The file \"/tmp/x.ics\" does not exist or cannot be read.", "front",
        "problem Файл «/tmp/y.ics» не существует или не читается.");
  }

  @Test
  void aSecondStartWithoutArgumentsOnlyBringsTheWindowForward() {
    attach();
    requests.signedIn(link -> events.add("join " + link));
    requests.submit(new OpenRequest.Activate());

    assertThat(events).containsExactly("front");
  }

  private void attach() {
    requests.attach(Runnable::run, () -> events.add("front"), text -> events.add("problem " + text));
  }
}

package app.convene.client.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.api.ApiException;
import app.convene.client.ui.Messages;
import app.convene.protocol.api.ApiError;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the sign-in form says when the server refuses a password or a registration. */
class SignInErrorTextTest {
  private static final String SERVER_WORDS = "'password' is one of the most common passwords,"
      + " which attackers try first; choose another, e.g. a few unrelated words";
  private final Locale before = Messages.locale();

  @AfterEach
  void restoreLanguage() {
    Messages.use(before);
  }

  @Test
  void weakPasswordIsExplainedInEachLanguageWithTheServersWords() {
    ApiException weak = new ApiException(new ApiError(400, "weak_password", SERVER_WORDS));

    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(weak))
        .startsWith("This password is not accepted: too short, too long or too common.")
        .endsWith("(Server: " + SERVER_WORDS + ")");
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(weak))
        .startsWith("Этот пароль не подходит")
        .endsWith("(Сервер: " + SERVER_WORDS + ")");
  }

  @Test
  void closedRegistrationIsSaidInTheUsersLanguage() {
    ApiException closed = new ApiException(new ApiError(403, "registration_closed",
        "this server creates accounts only for addresses at example.org"));

    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(closed)).startsWith("This server creates accounts only for"
        + " invited addresses or for certain e-mail domains.");
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(closed)).startsWith("Этот сервер создаёт учётные записи");
  }

  @Test
  void otherErrorsKeepTheServersWords() {
    ApiException taken = new ApiException(new ApiError(409, "email_taken",
        "an account with this e-mail address exists"));

    assertThat(SignInModel.userText(taken)).isEqualTo("an account with this e-mail address exists");
  }
}

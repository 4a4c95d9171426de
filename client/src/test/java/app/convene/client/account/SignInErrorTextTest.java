package app.convene.client.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.api.ApiException;
import app.convene.client.i18n.Messages;
import app.convene.protocol.api.ApiError;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the sign-in form says when the server refuses a password or a registration. */
class SignInErrorTextTest {
  private static final String SERVER_WORDS = "'password' is one of the most common passwords,"
      + " which attackers try first; choose another, e.g. a few unrelated words";
  private static final URI SERVER = URI.create("https://meet.example.com");
  private final Locale before = Messages.locale();

  @AfterEach
  void restoreLanguage() {
    Messages.use(before);
  }

  @Test
  void eachRuleOfTheServersPasswordPolicyIsWordedInEachLanguage() {
    ApiException length = new ApiException(new ApiError(400, "weak_password", "too short",
        java.util.Map.of("rule", "length", "min", "12", "max", "200")));
    ApiException address = new ApiException(new ApiError(400, "weak_password", "the address",
        java.util.Map.of("rule", "address")));

    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(length, SERVER)).contains("use 12 to 200 characters");
    assertThat(SignInModel.userText(address, SERVER)).startsWith("The password must not be your");
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(length, SERVER)).contains("от 12 до 200 символов")
        .doesNotContain("too short");
    assertThat(SignInModel.userText(address, SERVER)).startsWith("Пароль не должен совпадать");
  }

  @Test
  void anOlderServerWithoutTheRuleIsExplainedWithItsWords() {
    ApiException weak = new ApiException(new ApiError(400, "weak_password", SERVER_WORDS));

    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(weak, SERVER))
        .startsWith("This password is not accepted: too short, too long or too common.")
        .endsWith("(Server: " + SERVER_WORDS + ")");
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(weak, SERVER))
        .startsWith("Этот пароль не подходит")
        .endsWith("(Сервер: " + SERVER_WORDS + ")");
  }

  @Test
  void closedRegistrationIsSaidInTheUsersLanguage() {
    ApiException closed = new ApiException(new ApiError(403, "registration_closed",
        "this server creates accounts only for addresses at example.org"));

    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(closed, SERVER)).startsWith("This server creates accounts only for"
        + " invited addresses or for certain e-mail domains.");
    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(closed, SERVER)).startsWith("Этот сервер создаёт учётные записи");
  }

  @Test
  void wrongCredentialsAndATakenAddressAreSaidInTheUsersLanguage() {
    ApiException wrong = new ApiException(new ApiError(401, "bad_credentials",
        "the e-mail address or password is wrong"));
    ApiException taken = new ApiException(new ApiError(409, "email_taken",
        "an account with this e-mail address exists"));

    Messages.use(Locale.forLanguageTag("ru"));
    assertThat(SignInModel.userText(wrong, SERVER)).startsWith("Неверный адрес эл. почты или пароль");
    assertThat(SignInModel.userText(taken, SERVER)).startsWith("Учётная запись с этим адресом уже есть");
    Messages.use(Locale.ENGLISH);
    assertThat(SignInModel.userText(taken, SERVER)).doesNotContain("an account with this");
  }

  @Test
  void anUnreachableServerIsNamedWithWhatToDoAndTheFailingServerGetsNoStackTraceWords() {
    Messages.use(Locale.ENGLISH);
    ApiException offline = new ApiException("java.net.ConnectException: Connection refused",
        new java.net.ConnectException("Connection refused"));
    assertThat(SignInModel.userText(offline, SERVER)).isEqualTo("Cannot reach the server at "
        + SERVER + ". Check the address and your connection, then try again.");

    ApiException failed = new ApiException(new ApiError(500, "internal_error",
        "java.lang.NullPointerException at Foo.bar"));
    assertThat(SignInModel.userText(failed, SERVER)).isEqualTo("Something went wrong on the"
        + " server (error 500). Try again later; if it keeps happening, tell the server's"
        + " administrator.");
    assertThat(SignInModel.userText(new IllegalStateException("boom"), SERVER))
        .isEqualTo("Something went wrong. Try again.");
  }

  @Test
  void onlyAFailureAboutThePasswordEmptiesIt() {
    assertThat(SignInModel.clearsPassword(new ApiException(new ApiError(401, "bad_credentials",
        "wrong")))).isTrue();
    assertThat(SignInModel.clearsPassword(new ApiException(new ApiError(400, "weak_password",
        "short")))).isTrue();
    assertThat(SignInModel.clearsPassword(new ApiException("offline",
        new java.io.IOException("down")))).isFalse();
    assertThat(SignInModel.clearsPassword(new ApiException(new ApiError(429,
        "too_many_attempts", "wait")))).isFalse();
  }
}

package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.api.Registration;
import app.convene.server.testing.Api;
import app.convene.server.testing.DatabaseApiTest;
import app.convene.server.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The password policy over the REST API: NIST SP 800-63B-4 lengths, no composition rules, and the
 * shipped list of common passwords; a refused password creates nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PasswordPolicyApiTest extends DatabaseApiTest {

  @Test
  void commonPasswordsAreRefusedWithAClearMessage() throws Exception {
    Map<String, Long> before = db.rowCounts();

    for (String common : new String[] {"password", "12345678", "PassWord", "qwertyuiop",
        "iloveyou", "baseball"}) {
      Api.Answer answer = register(unique("boris"), common);
      assertThat(answer.status()).as(common).isEqualTo(400);
      assertThat(answer.error().code()).isEqualTo("weak_password");
      assertThat(answer.error().message()).isEqualTo("'password' is one of the most common"
          + " passwords, which attackers try first; choose another, e.g. a few unrelated words");
    }
    assertThat(db.rowCounts()).isEqualTo(before);
  }

  @Test
  void theAddressItselfIsRefused() {
    String email = unique("boris.berg");

    Api.Answer whole = register(email, email.toUpperCase());
    Api.Answer local = register(email, email.substring(0, email.indexOf('@')));

    assertThat(whole.error().message()).isEqualTo("'password' must not be your e-mail address");
    assertThat(local.error().message()).isEqualTo("'password' must not be your e-mail address");
  }

  @Test
  void anyCharactersFromEightToTwoHundredAreAccepted() {
    assertThat(register(unique("a"), "only lowercase words").status()).isEqualTo(201);
    assertThat(register(unique("b"), "ёжик в тумане").status()).isEqualTo(201);
    assertThat(register(unique("c"), "8 chars!").status()).isEqualTo(201);
    assertThat(register(unique("d"), "x".repeat(64) + " y").status()).isEqualTo(201);
    assertThat(register(unique("e"), "😀😀😀😀😀😀😀😀").status()).isEqualTo(201);

    Api.Answer tooShort = register(unique("f"), "😀😀😀😀😀😀😀");
    assertThat(tooShort.error().code()).isEqualTo("weak_password");
    assertThat(tooShort.error().message())
        .isEqualTo("'password' must have 8 to 200 characters; any characters, spaces too");
  }

  private static Api.Answer register(String email, String password) {
    return api.post("auth/register", null, new Registration(email, password, "Boris"));
  }

  private static String unique(String local) {
    return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }
}

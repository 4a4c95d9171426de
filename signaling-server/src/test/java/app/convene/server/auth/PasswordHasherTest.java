package app.convene.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashVerifiesItsPasswordOnly() {
    String phc = hasher.hash("correct horse");

    assertThat(hasher.verify("correct horse", phc)).isTrue();
    assertThat(hasher.verify("correct horse ", phc)).isFalse();
    assertThat(hasher.verify("", phc)).isFalse();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertThat(hasher.hash("correct horse")).isNotEqualTo(hasher.hash("correct horse"));
  }

  @Test
  void knownArgon2idVectorVerifies() {
    // From the reference implementation: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1
    String phc = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
        + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(hasher.verify("password", phc)).isTrue();
    assertThat(hasher.verify("passwore", phc)).isFalse();
  }

  @Test
  void malformedOrForeignHashMatchesNothing() {
    String phc = hasher.hash("correct horse");

    assertThat(hasher.verify("correct horse", phc.replace("argon2id", "argon2i"))).isFalse();
    assertThat(hasher.verify("correct horse", phc.substring(0, phc.lastIndexOf('$')))).isFalse();
    assertThat(hasher.verify("correct horse", phc.replace("m=19456", "m=99999999"))).isFalse();
    assertThat(hasher.verify("correct horse", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(hasher.verify("correct horse", "")).isFalse();
  }
}

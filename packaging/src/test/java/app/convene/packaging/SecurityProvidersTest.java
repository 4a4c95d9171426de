package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityProvidersTest {
  private static final String LINUX = """
      # List of providers and their preference orders (see above):
      #
      security.provider.1=SUN
      security.provider.2=SunRsaSign
      security.provider.3=SunEC
      security.provider.4=SunJSSE
      security.provider.5=SunJCE
      security.provider.6=SunJGSS
      security.provider.7=SunSASL
      security.provider.8=XMLDSig
      security.provider.9=SunPCSC
      security.provider.10=JdkLDAP
      security.provider.11=JdkSASL
      security.provider.12=SunPKCS11

      #
      # A list of preferred providers for specific algorithms.
      #jdk.security.provider.preferred=
      """;

  @Test
  void providersWhoseModulesTheImageLeavesOutAreTakenOutAndTheRestNumberedInOrder() {
    String cut = SecurityProviders.keepPresent(LINUX, Set.of("java.base", "java.security.jgss",
        "java.security.sasl", "java.naming"));

    assertThat(cut).contains("""
        #
        security.provider.1=SUN
        security.provider.2=SunRsaSign
        security.provider.3=SunEC
        security.provider.4=SunJSSE
        security.provider.5=SunJCE
        security.provider.6=SunJGSS
        security.provider.7=SunSASL
        security.provider.8=JdkLDAP

        #
        # A list of preferred providers for specific algorithms.
        #jdk.security.provider.preferred=
        """);
    assertThat(cut).doesNotContain("XMLDSig", "SunPCSC", "JdkSASL", "SunPKCS11");
  }

  @Test
  void anImageWithEveryModuleKeepsTheListAsItIs() {
    assertThat(SecurityProviders.keepPresent(LINUX, Set.copyOf(SecurityProviders.MODULES.values())))
        .isEqualTo(LINUX);
  }

  @Test
  void aProviderTheTableDoesNotKnowIsKept() {
    String list = "security.provider.1=SUN\nsecurity.provider.2=XMLDSig\n"
        + "security.provider.3=com.example.Provider\n";

    assertThat(SecurityProviders.keepPresent(list, Set.of("java.base")))
        .isEqualTo("security.provider.1=SUN\nsecurity.provider.2=com.example.Provider\n");
  }

  /** A JDK that adds a provider fails here, rather than having it kept unexamined. */
  @Test
  void theTableKnowsEveryProviderOfTheJdkThatBuilds() throws Exception {
    Path own = Path.of(System.getProperty("java.home"), "conf", "security", "java.security");
    String names = SecurityProviders.names(Files.readString(own));

    assertThat(names).isNotBlank();
    assertThat(SecurityProviders.MODULES).containsKeys(names.split(" "));
  }

  @Test
  void theModulesComeFromTheRuntimesReleaseFile() {
    assertThat(SecurityProviders.modules("JAVA_VERSION=\"25\"\nMODULES=\"java.base java.naming\"\n"))
        .containsExactlyInAnyOrder("java.base", "java.naming");
    assertThatThrownBy(() -> SecurityProviders.modules("JAVA_VERSION=\"25\"\n"))
        .hasMessageContaining("no modules");
  }
}

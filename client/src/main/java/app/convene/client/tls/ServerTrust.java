package app.convene.client.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate authorities the client trusts for the Convene server's HTTPS and WSS: the JDK's
 * own list, the operating system's store, and optionally one extra CA file (a company's own CA,
 * {@code --ca-cert}). The operating system's store is, on Windows, {@code Windows-ROOT} (the
 * machine's and user's trusted roots); on macOS, {@code KeychainStore} and {@code
 * KeychainStore-ROOT} (the user's and the system's keychains); on Linux and other systems, the
 * distribution's CA bundle ({@code /etc/ssl/certs/ca-certificates.crt} and the like), which is
 * where {@code update-ca-certificates} puts a company CA. A store that cannot be read is skipped
 * (logged). The stores are read on first use, not when one is made (on Linux about as long again
 * as the JDK's own list: 0.3 s more on a cold, busy JVM, where the JDK's takes 0.4 to 0.7 s), which
 * the app's start does not wait for. Thread-safe.
 */
public final class ServerTrust {
  private static final Logger log = LoggerFactory.getLogger(ServerTrust.class);

  /** The CA bundles of the common Linux (and BSD) distributions; the first that exists is read. */
  static final List<Path> UNIX_BUNDLES = List.of(
      Path.of("/etc/ssl/certs/ca-certificates.crt"), // Debian, Ubuntu, Arch, Alpine
      Path.of("/etc/pki/tls/certs/ca-bundle.crt"), // Fedora, RHEL
      Path.of("/etc/ssl/ca-bundle.pem"), // openSUSE
      Path.of("/etc/ssl/cert.pem")); // macOS's OpenSSL, FreeBSD

  private final Path extraCa;
  private volatile Built built;

  private ServerTrust(Path extraCa) {
    this.extraCa = extraCa;
  }

  /** The trust manager and socket factory over one list of authorities. */
  private record Built(X509TrustManager trustManager, SSLSocketFactory socketFactory, int size) {}

  private static Built build(List<X509Certificate> authorities) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int n = 0;
      for (X509Certificate authority : authorities) {
        store.setCertificateEntry("ca-" + n++, authority);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return new Built(trustManager, context.getSocketFactory(), n);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The JDK's and the operating system's authorities; read once, on first use. */
  public static ServerTrust system() {
    return SYSTEM;
  }

  private static final ServerTrust SYSTEM = new ServerTrust(null);

  /**
   * The system's authorities and those in {@code caFile} (PEM or DER, one or more certificates);
   * {@code null} for none.
   *
   * <p>The file is read on first use; {@link #trustManager()} and {@link #socketFactory()} then
   * throw {@link IllegalArgumentException} naming it when it cannot be read or holds no
   * certificate. {@link #check()} reads it at once.
   */
  public static ServerTrust withExtraCa(Path caFile) {
    return caFile == null ? system() : new ServerTrust(caFile);
  }

  /**
   * Reads the stores and the extra file now.
   *
   * @return this
   * @throws IllegalArgumentException naming the extra file when it cannot be used
   */
  public ServerTrust check() {
    built();
    return this;
  }

  public X509TrustManager trustManager() {
    return built().trustManager();
  }

  public SSLSocketFactory socketFactory() {
    return built().socketFactory();
  }

  /** How many authorities are trusted. */
  public int size() {
    return built().size();
  }

  @Override
  public String toString() {
    return "ServerTrust[system" + (extraCa == null ? "" : " + " + extraCa) + "]";
  }

  private Built built() {
    Built current = built;
    if (current == null) {
      synchronized (this) {
        current = built;
        if (current == null) {
          List<X509Certificate> all = new ArrayList<>(SystemStores.AUTHORITIES);
          if (extraCa != null) {
            List<X509Certificate> extra = certificates(extraCa);
            if (extra.isEmpty()) {
              throw new IllegalArgumentException(extraCa + " holds no certificate");
            }
            all.addAll(extra);
          }
          current = build(all);
          built = current;
        }
      }
    }
    return current;
  }

  /** The JDK's and the operating system's list, read on first use, once per process. */
  private static final class SystemStores {
    static final List<X509Certificate> AUTHORITIES = readSystem();
  }

  private static List<X509Certificate> readSystem() {
    List<X509Certificate> all = new ArrayList<>(jdkDefaults());
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      all.addAll(store("Windows-ROOT"));
    } else if (os.startsWith("mac")) {
      all.addAll(store("KeychainStore"));
      all.addAll(store("KeychainStore-ROOT"));
    } else {
      UNIX_BUNDLES.stream().filter(Files::isReadable).findFirst()
          .ifPresent(bundle -> all.addAll(readQuietly(bundle)));
    }
    return List.copyOf(all);
  }

  /** The JDK's trust store ({@code lib/security/cacerts} or {@code javax.net.ssl.trustStore}). */
  private static List<X509Certificate> jdkDefaults() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return List.of(x509.getAcceptedIssuers());
        }
      }
    } catch (GeneralSecurityException e) {
      log.atWarn().setCause(e).log("cannot read the JDK's trusted certificates");
    }
    return List.of();
  }

  /** The trusted certificates of a platform key store such as {@code Windows-ROOT}. */
  private static List<X509Certificate> store(String type) {
    List<X509Certificate> found = new ArrayList<>();
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isCertificateEntry(alias)
            && store.getCertificate(alias) instanceof X509Certificate certificate) {
          found.add(certificate);
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      log.atWarn().addKeyValue("store", type).log("cannot read the system's certificate store: "
          + e.getMessage());
    }
    return found;
  }

  private static List<X509Certificate> readQuietly(Path bundle) {
    try {
      return certificates(bundle);
    } catch (IllegalArgumentException e) {
      log.atWarn().log(e.getMessage());
      return List.of();
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    Objects.requireNonNull(file, "file == null");
    // Read whole: the JDK's PEM parser reads a stream a byte at a time, some 3 s for a
    // distribution's bundle of 150 certificates from an unbuffered file stream, 0.3 s from memory.
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      return read.stream().filter(X509Certificate.class::isInstance)
          .map(X509Certificate.class::cast).toList();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the certificates in " + file + ": " + e.getMessage(), e);
    }
  }
}

package app.convene.server.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads a certificate chain and its private key from PEM files into an in-memory key store for
 * Jetty. Keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE
 * KEY}) or SEC1 EC ({@code BEGIN EC PRIVATE KEY}), not encrypted. Bouncy Castle parses the PEM;
 * the JDK's own providers build the keys. Stateless.
 */
public final class PemKeyStore {
  /** The key store's alias and password of the one entry; the store never leaves memory. */
  static final String ALIAS = "convene";

  static final char[] PASSWORD = new char[0];

  private PemKeyStore() {}

  /**
   * A PKCS#12 key store with one entry: the key and the chain.
   *
   * @throws IllegalArgumentException when a file cannot be read, holds no certificate or key, or
   *     the key does not belong to the first certificate; the message names the file
   */
  public static KeyStore load(Path certFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    if (!matches(key, chain.getFirst())) {
      throw new IllegalArgumentException(
          keyFile + ": this private key does not belong to the first certificate in " + certFile);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(certFile + ": cannot use this certificate: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser pem = parser(file)) {
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw unreadable(file, e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(file + ": no PEM certificate (BEGIN CERTIFICATE) found");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser pem = parser(file)) {
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        switch (item) {
          case PrivateKeyInfo info -> {
            return converter.getPrivateKey(info);
          }
          case PEMKeyPair pair -> {
            return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may lack the public key
          }
          default -> {
            // EC parameters, certificates and the like: look further
          }
        }
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    throw new IllegalArgumentException(file + ": no unencrypted PEM private key found (BEGIN"
        + " PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
  }

  /** Signs a probe with the key and verifies it with the certificate. */
  private static boolean matches(PrivateKey key, X509Certificate certificate) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return false;
    }
    try {
      byte[] probe = "convene".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PEMParser parser(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    return new PEMParser(reader);
  }

  private static IllegalArgumentException unreadable(Path file, Exception e) {
    return new IllegalArgumentException(file + ": cannot read it as PEM: " + e.getMessage(), e);
  }
}

package app.convene.client.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made up for one test (Bouncy Castle), with one server certificate for
 * {@code localhost} and {@code 127.0.0.1}, written as the PEM files the server and the client's
 * {@code --ca-cert} read. (The server module's tests have a fuller one; modules share no test
 * code.)
 */
final class TestCa {
  private final KeyPair caKeys = keyPair();
  private final X509Certificate ca;
  private final KeyPair serverKeys = keyPair();
  private final X509Certificate server;

  TestCa(String name) {
    X500Name caName = new X500Name("CN=" + name);
    ca = sign(caName, caName, caKeys.getPublic(), true);
    server = sign(caName, new X500Name("CN=localhost"), serverKeys.getPublic(), false);
  }

  /** Writes the CA certificate to {@code file}. */
  void writeCa(Path file) throws IOException {
    Files.writeString(file, pem(ca));
  }

  /** Writes the server's chain and its PKCS#8 key. */
  void writeServer(Path cert, Path key) throws IOException {
    Files.writeString(cert, pem(server) + pem(ca));
    Files.writeString(key, pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)));
  }

  private X509Certificate sign(X500Name issuer, X500Name subject, PublicKey key, boolean isCa) {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          BigInteger.valueOf(now.toEpochMilli() + (isCa ? 0 : 1)),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))),
          subject, key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (!isCa) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
            new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      }
      PrivateKey signer = caKeys.getPrivate();
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

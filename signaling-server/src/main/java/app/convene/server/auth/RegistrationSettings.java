package app.convene.server.auth;

import app.convene.server.SettingChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may create an account, which passwords are accepted and how addresses are verified.
 *
 * @param mode who may register
 * @param domains the e-mail domains allowed in {@link Mode#DOMAINS} mode, in lower case; empty in
 *     the other modes
 * @param passwordMinLength the fewest characters (Unicode code points) of a new password, {@value
 *     #MIN_PASSWORD_LENGTH} to {@value #MAX_PASSWORD_LENGTH_FLOOR}
 * @param publicUrl the address clients and browsers reach the server at, e.g. {@code
 *     https://convene.example.org}, for the verification links in e-mail; {@code null} for none,
 *     and then no address can be verified
 * @param verificationTtl how long a verification link stays valid
 * @param admitted addresses an administrator lets register in {@link Mode#INVITE_ONLY} mode
 *     without a meeting invitation (the first accounts), in lower case; empty in the other modes
 */
public record RegistrationSettings(Mode mode, List<String> domains, int passwordMinLength,
    URI publicUrl, Duration verificationTtl, List<String> admitted) {
  /** NIST SP 800-63B-4 and OWASP ASVS 5.0 allow no shorter minimum. */
  public static final int MIN_PASSWORD_LENGTH = 8;
  /** A minimum above 64 would break the rule that at least 64 characters are accepted. */
  public static final int MAX_PASSWORD_LENGTH_FLOOR = 64;

  /** Open registration, 8 characters, no public URL, 24 h verification links. */
  public static final RegistrationSettings DEFAULT = new RegistrationSettings(Mode.OPEN, List.of(),
      MIN_PASSWORD_LENGTH, null, Duration.ofHours(24), List.of());

  /** Who may register. */
  public enum Mode {
    /** Anyone who reaches the server. */
    OPEN,
    /**
     * Only an address that is an attendee of a meeting that is neither cancelled nor over, or
     * that the administrator listed.
     */
    INVITE_ONLY,
    /** Only addresses of the listed domains. */
    DOMAINS
  }

  public RegistrationSettings {
    Objects.requireNonNull(mode, "mode == null");
    domains = List.copyOf(Objects.requireNonNull(domains, "domains == null"));
    if (mode == Mode.DOMAINS && domains.isEmpty()) {
      throw new IllegalArgumentException("domains mode needs at least one domain");
    }
    if (mode != Mode.DOMAINS && !domains.isEmpty()) {
      throw new IllegalArgumentException("domains are listed only in domains mode");
    }
    SettingChecks.inRange("passwordMinLength", passwordMinLength, MIN_PASSWORD_LENGTH,
        MAX_PASSWORD_LENGTH_FLOOR);
    if (publicUrl != null && (!"https".equals(publicUrl.getScheme())
        && !"http".equals(publicUrl.getScheme()) || publicUrl.getHost() == null)) {
      throw new IllegalArgumentException("publicUrl must be an http or https URL: " + publicUrl);
    }
    SettingChecks.positive("verificationTtl", verificationTtl);
    admitted = List.copyOf(Objects.requireNonNull(admitted, "admitted == null"));
    if (mode != Mode.INVITE_ONLY && !admitted.isEmpty()) {
      throw new IllegalArgumentException("addresses are admitted only in invite-only mode");
    }
  }

  /**
   * Reads {@code open}, {@code invite-only} or {@code domains:example.org,example.com} into this
   * setting's mode and domains.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public RegistrationSettings withRegistration(String text) {
    Objects.requireNonNull(text, "text == null");
    String value = text.strip();
    if (value.equalsIgnoreCase("open")) {
      return new RegistrationSettings(Mode.OPEN, List.of(), passwordMinLength, publicUrl,
          verificationTtl, List.of());
    }
    if (value.equalsIgnoreCase("invite-only")) {
      return new RegistrationSettings(Mode.INVITE_ONLY, List.of(), passwordMinLength, publicUrl,
          verificationTtl, admitted);
    }
    if (value.regionMatches(true, 0, "domains:", 0, "domains:".length())) {
      List<String> domains = new ArrayList<>();
      for (String domain : value.substring("domains:".length()).split(",", -1)) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (EmailAddresses.parse("x@" + d).isEmpty()) {
          throw new IllegalArgumentException("'" + domain.strip() + "' is not an e-mail domain");
        }
        domains.add(d);
      }
      return new RegistrationSettings(Mode.DOMAINS, domains, passwordMinLength, publicUrl,
          verificationTtl, List.of());
    }
    throw new IllegalArgumentException(
        "expected open, invite-only or domains:example.org,example.com");
  }

  /**
   * These settings with the addresses an administrator admits in invite-only mode, from a
   * comma-separated list.
   *
   * @throws IllegalArgumentException naming an address that is not one
   */
  public RegistrationSettings withAdmitted(String text) {
    List<String> addresses = new ArrayList<>();
    for (String address : text.split(",", -1)) {
      addresses.add(EmailAddresses.parse(address).orElseThrow(() -> new IllegalArgumentException(
          "'" + address.strip() + "' is not an e-mail address")));
    }
    return new RegistrationSettings(mode, domains, passwordMinLength, publicUrl, verificationTtl,
        addresses);
  }

  /** Parses the public URL. */
  public static URI publicUrl(String text) {
    try {
      URI uri = new URI(text.strip().replaceAll("/+$", ""));
      return new RegistrationSettings(Mode.OPEN, List.of(), MIN_PASSWORD_LENGTH, uri,
          Duration.ofHours(1), List.of()).publicUrl();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL");
    }
  }

  /** Whether the address may register in this mode, by its domain (invitations aside). */
  boolean domainAllowed(String email) {
    String domain = email.substring(email.lastIndexOf('@') + 1);
    return mode != Mode.DOMAINS || domains.contains(domain);
  }

  @Override
  public String toString() {
    return "RegistrationSettings[mode=" + mode + (domains.isEmpty() ? "" : ", domains=" + domains)
        + ", passwordMinLength=" + passwordMinLength + ", publicUrl=" + publicUrl
        + ", verificationTtl=" + verificationTtl
        + (admitted.isEmpty() ? "" : ", admitted=" + admitted.size() + " addresses") + "]";
  }
}

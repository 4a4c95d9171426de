package app.convene.client.google;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first web meeting link in free text such as an event's location or description (plain
 * text or HTML). The services and their link shapes are data ({@link MeetingServices}): a link
 * counts only when its host is exactly one a service lists (or a subdomain where it says {@code
 * *.}), so look-alikes such as {@code meet.google.com.evil.com} or {@code
 * https://meet.google.com@evil.com/} are ignored. Links typed without {@code https://}, wrapped by
 * Google ({@code google.com/url?q=}) or Outlook SafeLinks, or with characters {@link URI} refuses
 * are found too. Pure functions; any thread.
 */
public final class MeetingLinks {
  /**
   * An http(s) URL up to whitespace, a quote, an angle bracket or a backslash; or a host name and
   * path typed without a scheme, not inside another address.
   */
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "https?://[^\\s\"'<>\\\\]+|(?<![\\w.@/:=%+&?#-])(?:[a-z0-9-]+\\.)+[a-z]{2,}/[^\\s\"'<>\\\\]*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}*]+$");
  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:", Pattern.CASE_INSENSITIVE);
  private static final String URI_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=";
  private static final int MAX_UNWRAP = 3;

  private MeetingLinks() {}

  /** The first meeting link in the texts, searched in order; {@code null} texts are skipped. */
  public static Optional<MeetingLink> find(String... texts) {
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = CANDIDATE.matcher(text.replace("&amp;", "&"));
      while (matcher.find()) {
        String candidate = trim(matcher.group());
        if (!SCHEME.matcher(candidate).find()) {
          candidate = "https://" + candidate;
        }
        Optional<MeetingLink> link = classify(candidate);
        if (link.isPresent()) {
          return link;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The meeting link when {@code url} is one and nothing else: itself, or the link a Google or
   * Outlook SafeLinks redirect wraps.
   */
  public static Optional<MeetingLink> classify(String url) {
    return classify(url, 0);
  }

  /**
   * An event's conference link that no listed service claims (e.g. a conferencing add-on's own
   * domain), named after its conference solution; empty unless it is a plain https address.
   */
  static Optional<MeetingLink> conference(String url, String solutionName) {
    URI uri = parse(url);
    if (uri == null || !isPlainHttps(uri) || solutionName == null || solutionName.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new MeetingLink(new MeetingLink.Kind("conference", solutionName), uri));
  }

  private static Optional<MeetingLink> classify(String url, int depth) {
    URI uri = parse(url);
    if (uri == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String wrapped = wrapped(uri, host);
    if (wrapped != null) {
      return depth < MAX_UNWRAP ? classify(wrapped, depth + 1) : Optional.empty();
    }
    if (!isPlainHttps(uri)) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return MeetingServices.ALL.match(host, path).map(kind -> new MeetingLink(kind, uri));
  }

  /** https on the default port, with no user name before the host. */
  private static boolean isPlainHttps(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme())
        && uri.getHost() != null
        && uri.getRawUserInfo() == null
        && (uri.getPort() == -1 || uri.getPort() == 443);
  }

  /** The address a Google ({@code /url?q=}) or SafeLinks ({@code ?url=}) redirect leads to. */
  private static String wrapped(URI uri, String host) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getRawUserInfo() != null) {
      return null;
    }
    if ((host.equals("google.com") || host.equals("www.google.com")) && "/url".equals(uri.getRawPath())) {
      String target = param(uri, "q");
      return target != null ? target : param(uri, "url");
    }
    if (host.endsWith(".safelinks.protection.outlook.com")) {
      return param(uri, "url");
    }
    return null;
  }

  private static String param(URI uri, String name) {
    if (uri.getRawQuery() == null) {
      return null;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The URI of {@code url}, after percent-encoding what {@link URI} would refuse; else null. */
  static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      try {
        return new URI(clean(url));
      } catch (URISyntaxException stillBad) {
        return null;
      }
    }
  }

  /**
   * Percent-encodes characters that may not appear in a URI (spaces are already gone): brackets,
   * braces, {@code |}, {@code ^}, non-ASCII, a {@code %} not starting an escape, a second {@code #}.
   */
  static String clean(String url) {
    StringBuilder out = new StringBuilder(url.length() + 16);
    boolean fragment = false;
    byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      char c = (char) (bytes[i] & 0xff);
      boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (c < 0x80 && (URI_CHARS.indexOf(c) >= 0 || escape || (c == '#' && !fragment))) {
        fragment |= c == '#';
        out.append(c);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(bytes[i]));
      }
    }
    return out.toString();
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  /** Drops sentence punctuation and a closing bracket that are not part of the address. */
  private static String trim(String url) {
    String trimmed = TRAILING.matcher(url).replaceAll("");
    if (url.endsWith(")") && trimmed.contains("(")) {
      return url; // a path that really ends in a bracket pair
    }
    return trimmed;
  }
}

package app.convene.client.google;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first Google Meet, Zoom or Microsoft Teams link in free text such as an event's
 * location or description (plain text or HTML). A link counts only when its host is exactly the
 * service's (or a subdomain of {@code zoom.us} / {@code zoomgov.com}), so look-alikes such as
 * {@code meet.google.com.evil.com} or {@code https://meet.google.com@evil.com/} are ignored. Pure
 * functions; any thread.
 */
public final class MeetingLinks {
  /** An http(s) URL up to whitespace, a quote, an angle bracket or a backslash. */
  private static final Pattern CANDIDATE =
      Pattern.compile("https?://[^\\s\"'<>\\\\]+", Pattern.CASE_INSENSITIVE);

  private static final Pattern MEET_CODE = Pattern.compile("/[a-z]{3}-[a-z]{4}-[a-z]{3}");
  private static final Pattern ZOOM_PATH = Pattern.compile("/(j|w|my|wc/join)/[A-Za-z0-9._-]+");
  private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}*]+$");

  private MeetingLinks() {}

  /** The first meeting link in the texts, searched in order; {@code null} texts are skipped. */
  public static Optional<MeetingLink> find(String... texts) {
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = CANDIDATE.matcher(text.replace("&amp;", "&"));
      while (matcher.find()) {
        Optional<MeetingLink> link = classify(trim(matcher.group()));
        if (link.isPresent()) {
          return link;
        }
      }
    }
    return Optional.empty();
  }

  /** The link's kind when {@code url} is one meeting link and nothing else. */
  public static Optional<MeetingLink> classify(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || (uri.getPort() != -1 && uri.getPort() != 443)) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (host.equals("meet.google.com") && MEET_CODE.matcher(path).matches()) {
      return Optional.of(new MeetingLink(MeetingLink.Kind.GOOGLE_MEET, uri));
    }
    if (isUnder(host, "zoom.us") || isUnder(host, "zoomgov.com")) {
      return ZOOM_PATH.matcher(path).matches()
          ? Optional.of(new MeetingLink(MeetingLink.Kind.ZOOM, uri))
          : Optional.empty();
    }
    if ((host.equals("teams.microsoft.com")
            && (path.startsWith("/l/meetup-join/") || path.startsWith("/meet/")))
        || (host.equals("teams.live.com") && path.startsWith("/meet/"))) {
      return Optional.of(new MeetingLink(MeetingLink.Kind.TEAMS, uri));
    }
    return Optional.empty();
  }

  private static boolean isUnder(String host, String domain) {
    return host.equals(domain) || host.endsWith("." + domain);
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

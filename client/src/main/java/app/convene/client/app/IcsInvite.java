package app.convene.client.app;

import app.convene.client.call.InviteLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Convene join link in an iCalendar (.ics) invitation: the first
 * {@code convene://join/...} in a VEVENT's URL, else its LOCATION, else its DESCRIPTION. Handles
 * folded lines, property parameters ({@code DESCRIPTION;LANGUAGE=ru:...}) and escaped text
 * ({@code \n}, {@code \,}). Stateless.
 */
final class IcsInvite {
  private static final Pattern LINK =
      Pattern.compile("convene://join/[A-Za-z0-9_-]{1,64}(?:\\?[A-Za-z0-9_.~%=&+-]*)?");
  private static final List<String> PROPERTIES = List.of("URL", "LOCATION", "DESCRIPTION");

  private IcsInvite() {}

  /** Whether {@code text} looks like an iCalendar file at all. */
  static boolean isCalendar(String text) {
    return unfold(text).stream().anyMatch(line -> line.strip().equalsIgnoreCase("BEGIN:VCALENDAR"));
  }

  /** The join link of the first event that has one, by property priority; empty when none. */
  static Optional<InviteLink> find(String text) {
    List<String> lines = unfold(text);
    for (String wanted : PROPERTIES) {
      boolean inEvent = false;
      for (String line : lines) {
        if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
          inEvent = true;
        } else if (line.equalsIgnoreCase("END:VEVENT")) {
          inEvent = false;
        } else if (inEvent && wanted.equals(name(line))) {
          Optional<InviteLink> link = linkIn(unescape(line.substring(line.indexOf(':') + 1)));
          if (link.isPresent()) {
            return link;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<InviteLink> linkIn(String value) {
    Matcher matcher = LINK.matcher(value);
    while (matcher.find()) {
      Optional<InviteLink> link = InviteLink.parse(matcher.group());
      if (link.isPresent()) {
        return link;
      }
    }
    return Optional.empty();
  }

  /** RFC 5545 3.1: a line starting with a space or tab continues the previous one. */
  private static List<String> unfold(String text) {
    List<String> lines = new ArrayList<>();
    for (String raw : text.split("\r\n|\n|\r")) {
      if ((raw.startsWith(" ") || raw.startsWith("\t")) && !lines.isEmpty()) {
        lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
      } else {
        lines.add(raw);
      }
    }
    return lines;
  }

  /** The property name in upper case, without parameters; empty for a line without a colon. */
  private static String name(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      return "";
    }
    int semicolon = line.indexOf(';');
    int end = semicolon >= 0 && semicolon < colon ? semicolon : colon;
    return line.substring(0, end).strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

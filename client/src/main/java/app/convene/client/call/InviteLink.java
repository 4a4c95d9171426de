package app.convene.client.call;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link that admits its holder to a room's call: {@code convene://join/<roomId>?invite=<token>}.
 * A bare room id is accepted too (for people invited to one of the room's meetings).
 */
public record InviteLink(String roomId, String invite) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public InviteLink {
    Objects.requireNonNull(roomId, "roomId == null");
  }

  /** Reads a pasted link or room id; empty when it is neither. */
  public static Optional<InviteLink> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (ID.matcher(value).matches()) {
      return Optional.of(new InviteLink(value, null));
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    if (!"convene".equals(uri.getScheme()) || !"join".equals(uri.getHost()) || uri.getPath() == null) {
      return Optional.empty();
    }
    String roomId = uri.getPath().replaceFirst("^/", "");
    if (!ID.matcher(roomId).matches()) {
      return Optional.empty();
    }
    String invite = null;
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.startsWith("invite=")) {
          invite = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
        }
      }
    }
    return Optional.of(new InviteLink(roomId, invite == null || invite.isBlank() ? null : invite));
  }

  @Override
  public String toString() {
    return "convene://join/" + roomId + (invite == null ? "" : "?invite=" + invite);
  }
}

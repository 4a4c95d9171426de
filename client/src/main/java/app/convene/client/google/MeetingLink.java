package app.convene.client.google;

import java.net.URI;
import java.util.Objects;

/** A link that joins an online meeting, and which service it belongs to. */
public record MeetingLink(Kind kind, URI uri) {
  /** The services whose links are recognised. */
  public enum Kind {
    GOOGLE_MEET("Google Meet"),
    ZOOM("Zoom"),
    TEAMS("Microsoft Teams");

    private final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }

    /** The service's name as users know it, e.g. for a "Join on Zoom" action. */
    public String displayName() {
      return displayName;
    }
  }

  public MeetingLink {
    Objects.requireNonNull(kind, "kind == null");
    BrowserOpener.requireWebAddress(uri);
  }
}

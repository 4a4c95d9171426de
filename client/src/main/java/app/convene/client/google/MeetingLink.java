package app.convene.client.google;

import java.net.URI;
import java.util.Objects;

/** A link that joins an online meeting, and which service it belongs to. */
public record MeetingLink(Kind kind, URI uri) {
  /**
   * A service whose links are recognised, as {@code meeting-services.txt} lists it, or the
   * conference solution an event names (for an add-on link no listed service claims).
   *
   * @param id a stable name, e.g. {@code zoom}
   * @param displayName the service's name as users know it, e.g. for a "Join on Zoom" action
   */
  public record Kind(String id, String displayName) {
    public Kind {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(displayName, "displayName == null");
    }
  }

  public MeetingLink {
    Objects.requireNonNull(kind, "kind == null");
    BrowserOpener.requireWebAddress(uri);
  }
}

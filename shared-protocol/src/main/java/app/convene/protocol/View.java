package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How large the sender of this message shows the addressee's video: the box of its tile, in
 * device pixels, or 0 × 0 while nobody can see it (the window is minimised or hidden). The
 * addressee then encodes for this peer no larger than the box, and nothing while it is 0 × 0.
 * Relayed like an {@link Offer}, since protocol version 3 and only to peers that joined with 3 or
 * later. Like {@link Rejected} it asks for less, never for more: a peer that never sends it gets
 * everything the sender's own caps allow.
 *
 * @param width the tile's width in device pixels, 0 to {@link #MAX_SIDE}; 0 only with a 0 height
 * @param height the tile's height in device pixels, 0 to {@link #MAX_SIDE}; 0 only with a 0 width
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record View(String from, String to, Integer width, Integer height)
    implements SignalMessage.Relayed {
  /** The largest side accepted: a tile on an 8K screen with room to spare. */
  public static final int MAX_SIDE = 16_384;

  public View {
    Fields.required(to, "to");
    Fields.required(width, "width");
    Fields.required(height, "height");
    if (width < 0 || height < 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("'width' and 'height' must be 0 to " + MAX_SIDE
          + ", not " + width + " × " + height);
    }
    if ((width == 0) != (height == 0)) {
      throw new IllegalArgumentException(
          "'width' and 'height' are both 0 (not shown) or both above 0, not " + width + " × "
              + height);
    }
  }

  public View(String to, int width, int height) {
    this(null, to, width, height);
  }

  /** Nobody sees the addressee's video here. */
  public static View hidden(String to) {
    return new View(to, 0, 0);
  }

  /** Whether the addressee's video is not shown at all. */
  @JsonIgnore
  public boolean isHidden() {
    return width == 0;
  }

  @Override
  public View withFrom(String from) {
    return new View(from, to, width, height);
  }
}

package app.convene.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A STUN or TURN server, in the shape of the WebRTC {@code RTCIceServer} dictionary.
 *
 * @param urls the server's URLs, e.g. {@code stun:stun.example.org:3478}
 * @param username the TURN user name, or {@code null}
 * @param credential the TURN password, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {
  public IceServer {
    Fields.required(urls, "urls");
    if (urls.isEmpty()) {
      throw new Fields.MissingFieldException("urls");
    }
    urls = List.copyOf(urls);
  }
}

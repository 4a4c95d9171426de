package app.convene.server.http;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Finds a request's client address: the socket's remote address, unless that is one of the
 * configured trusted proxies; then the right-most address of {@code X-Forwarded-For} that is not a
 * trusted proxy. Without trusted proxies the header is ignored, since any client can write it.
 * Immutable; any thread.
 */
public final class ClientAddresses {
  /** Trusts no proxy: always the socket's remote address. */
  public static final ClientAddresses DIRECT = new ClientAddresses(List.of());

  private final Set<String> trusted;

  /** @param trustedProxies the IP addresses of the reverse proxies in front of the server */
  public ClientAddresses(List<String> trustedProxies) {
    this.trusted = Set.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies == null"));
  }

  public String of(Request request) {
    String remote = Request.getRemoteAddr(request);
    if (!trusted.contains(remote)) {
      return remote;
    }
    List<String> forwarded = request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR);
    String[] hops = String.join(",", forwarded).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }
}

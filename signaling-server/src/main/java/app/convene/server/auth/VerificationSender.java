package app.convene.server.auth;

import java.net.URI;

/**
 * Mails an address the link that verifies it. Called on a request's thread; an implementation
 * must not block on the network there (it queues and sends on its own thread).
 */
@FunctionalInterface
public interface VerificationSender {
  /** Sends nothing: no address can be verified. */
  VerificationSender NONE = (email, displayName, link) -> {};

  void send(String email, String displayName, URI link);
}

package app.convene.server.testing;

import app.convene.protocol.Joined;
import app.convene.server.ServerConfig;
import app.convene.server.SignalingServer;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real signaling server on a free loopback port, and the clients a test connected to it; {@link
 * #close()} drops the clients, then stops the server.
 */
public final class TestServer implements AutoCloseable {
  private final SignalingServer server;
  private final List<Closeable> clients = new ArrayList<>();

  private TestServer(SignalingServer server) {
    this.server = server;
  }

  /** The defaults on a free port of 127.0.0.1. */
  public static ServerConfig config() {
    return ServerConfig.defaults().withHost("127.0.0.1").withPort(0);
  }

  public static TestServer start() throws Exception {
    return start(config());
  }

  public static TestServer start(ServerConfig config) throws Exception {
    return new TestServer(SignalingServer.start(config));
  }

  public SignalingServer server() {
    return server;
  }

  /** A connected client, closed with this server. */
  public TestClient connect() throws Exception {
    TestClient client = TestClient.connect(server.signalingUri());
    clients.add(client);
    return client;
  }

  /** A client that joined the room; its reply is {@link Joiner#joined()}. */
  public Joiner joined(String room, String name) throws Exception {
    TestClient client = connect();
    return new Joiner(client, client.join(room, name));
  }

  /** A client that does the upgrade by hand and never reads. */
  public RawWebSocket connectRaw(int receiveBufferBytes) throws Exception {
    RawWebSocket raw = RawWebSocket.connect(server.signalingUri(), receiveBufferBytes);
    clients.add(raw);
    return raw;
  }

  @Override
  public void close() throws IOException {
    for (Closeable client : clients) {
      client.close();
    }
    server.close();
  }

  /** A client and the {@code joined} reply it got. */
  public record Joiner(TestClient client, Joined joined) {
    public String peerId() {
      return joined.peerId();
    }
  }
}

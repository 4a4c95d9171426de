package app.convene.client.app;

import app.convene.client.storage.OwnerOnlyFiles;
import app.convene.client.storage.UserFolders;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running app per data folder. The first instance holds a lock on {@code instance.lock} for
 * its lifetime and listens on a loopback port; it writes that port and a random secret to
 * {@code instance} in the data folder, readable by the owner only. A later start with the same data
 * folder finds the lock taken, reads the file, sends the secret and its argument (a link or a
 * file, or nothing) to the first instance, and exits. A crashed instance's lock goes with its
 * process, so a stale file is never trusted.
 *
 * <p>Requests reach {@code onRequest} on the listener's daemon thread, which must hand them over
 * and return.
 */
final class SingleInstance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SingleInstance.class);
  private static final String MAGIC = "convene-open-1";
  private static final int TIMEOUT_MS = 5_000;

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ServerSocket server;
  private final Path file;
  private final byte[] secret;
  private final Consumer<String> onRequest;

  private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocket server, Path file,
      byte[] secret, Consumer<String> onRequest) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.server = server;
    this.file = file;
    this.secret = secret;
    this.onRequest = onRequest;
  }

  /**
   * Becomes the instance for {@code dataDir} and listens for requests; or, when another instance
   * has it, hands {@code argument} to it and returns empty.
   *
   * @param argument what to open ({@link OpenRequest#absolute}), or "" to bring it forward
   * @throws IOException when another instance holds the folder but does not answer
   */
  static Optional<SingleInstance> claimOrHandOver(Path dataDir, String argument,
      Consumer<String> onRequest) throws IOException {
    Objects.requireNonNull(argument, "argument == null");
    Objects.requireNonNull(onRequest, "onRequest == null");
    OwnerOnlyFiles.directory(dataDir);
    Path file = dataDir.resolve("instance");
    FileChannel channel = FileChannel.open(dataDir.resolve("instance.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this process holds it already (tests start two instances in one JVM)
    }
    if (lock == null) {
      channel.close();
      handOver(file, argument);
      return Optional.empty();
    }
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      OwnerOnlyFiles.write(file, (server.getLocalPort() + " " + HexFormat.of().formatHex(secret))
          .getBytes(StandardCharsets.US_ASCII));
      SingleInstance instance = new SingleInstance(channel, lock, server, file, secret, onRequest);
      Thread.ofPlatform().daemon().name("open-requests").start(instance::listen);
      return Optional.of(instance);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void handOver(Path file, String argument) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
    IOException last = null;
    while (System.nanoTime() < deadline) { // the first instance may be starting right now
      try {
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
              Integer.parseInt(parts[0])), TIMEOUT_MS);
          socket.setSoTimeout(TIMEOUT_MS);
          DataOutputStream out = new DataOutputStream(socket.getOutputStream());
          out.writeUTF(MAGIC);
          out.writeUTF(parts[1]);
          out.writeUTF(argument);
          out.flush();
          if ("ok".equals(new DataInputStream(socket.getInputStream()).readUTF())) {
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        last = e instanceof IOException io ? io : new IOException(e.toString(), e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IOException("Convene is already running with this data folder but does not answer;"
        + " close it, or start with another --data-dir", last);
  }

  private void listen() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(TIMEOUT_MS);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String magic = in.readUTF();
        byte[] given = HexFormat.of().parseHex(in.readUTF()); // a bad digit throws
        if (!MAGIC.equals(magic) || !MessageDigest.isEqual(secret, given)) {
          continue; // not our app, or someone who could not read the file: no answer
        }
        onRequest.accept(in.readUTF());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeUTF("ok");
        out.flush();
      } catch (IOException | RuntimeException e) {
        if (!server.isClosed()) {
          log.warn("ignoring a bad request from another start of the app: {}", e.toString());
        }
      }
    }
  }

  /** The loopback port this instance listens on. */
  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(file);
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log.warn("cannot release the single-instance lock: {}", e.toString());
    }
  }
}

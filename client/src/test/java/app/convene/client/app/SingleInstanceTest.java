package app.convene.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {
  @TempDir Path dataDir;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @Test
  void aSecondStartHandsItsArgumentToTheFirstOverLoopback() throws Exception {
    try (SingleInstance first = claim("").orElseThrow()) {
      Optional<SingleInstance> second = SingleInstance.claimOrHandOver(dataDir,
          "convene://join/r-1?invite=t", arg -> received.add("second got " + arg));

      assertThat(second).isEmpty();
      assertThat(received).containsExactly("convene://join/r-1?invite=t");
      assertThat(SingleInstance.claimOrHandOver(dataDir, "", received::add)).isEmpty();
      assertThat(received).containsExactly("convene://join/r-1?invite=t", "");
    }
  }

  @Test
  void theRendezvousFileIsForTheOwnerOnly() throws Exception {
    try (SingleInstance first = claim("").orElseThrow()) {
      Path file = dataDir.resolve("instance");

      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(dataDir))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
      assertThat(Files.readString(file)).startsWith(first.port() + " ");
    }
  }

  @Test
  void aCallerWithoutTheSecretGetsNoAnswerAndNothingIsOpened() throws Exception {
    try (SingleInstance first = claim("").orElseThrow();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), first.port())) {
      socket.setSoTimeout(2_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeUTF("convene-open-1");
      out.writeUTF("00".repeat(32));
      out.writeUTF("convene://join/evil");
      out.flush();

      assertThatThrownBy(() -> new DataInputStream(socket.getInputStream()).readUTF())
          .isInstanceOfAny(java.io.EOFException.class, SocketTimeoutException.class,
              java.net.SocketException.class);
      assertThat(received).isEmpty();
    }
  }

  @Test
  void afterTheFirstClosesTheNextStartBecomesTheInstance() throws Exception {
    claim("").orElseThrow().close();

    try (SingleInstance next = claim("convene://join/r-1").orElseThrow()) {
      assertThat(next.port()).isPositive();
      assertThat(received).isEmpty();
    }
  }

  @Test
  void aStaleFileFromACrashedInstanceIsNotTrusted() throws Exception {
    Files.writeString(dataDir.resolve("instance"), "1 " + "ab".repeat(32));

    try (SingleInstance fresh = claim("").orElseThrow()) {
      assertThat(Files.readString(dataDir.resolve("instance"))).startsWith(fresh.port() + " ");
    }
  }

  @Test
  void aHolderThatNeverAnswersIsReportedNotWaitedForForever() throws Exception {
    try (var channel = java.nio.channels.FileChannel.open(
            Files.createDirectories(dataDir).resolve("instance.lock"),
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> claim("x")).isInstanceOf(IOException.class)
          .hasMessageContaining("already running");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
    }
  }

  private Optional<SingleInstance> claim(String argument) throws IOException {
    return SingleInstance.claimOrHandOver(dataDir, argument, received::add);
  }
}

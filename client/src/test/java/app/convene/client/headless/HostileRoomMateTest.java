package app.convene.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.client.testing.HeadlessProcess;
import app.convene.client.testing.TestBackend;
import app.convene.client.testing.TestBackend.Account;
import app.convene.protocol.Answer;
import app.convene.protocol.Candidate;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Leave;
import app.convene.protocol.Offer;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.Rejected;
import app.convene.protocol.SignalCodec;
import app.convene.protocol.SignalMessage;
import app.convene.protocol.View;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real headless participants (each its own process) in a call while a third socket, speaking
 * the JSON protocol directly, joins and leaves the room as fast as it can and sends them garbage:
 * unparseable and hostile SDP offers and answers, candidates for m-lines that do not exist, and
 * strings near the server's message limit. Both must keep decoding each other and exit 0.
 */
class HostileRoomMateTest {
  private static final int CALL_SECONDS = 14;
  private static final String FINGERPRINT = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
      + "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";

  private static TestBackend backend;

  @BeforeAll
  static void startServer() throws Exception {
    backend = TestBackend.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    backend.close();
  }

  @Test
  void joinLeaveStormAndMalformedSignalingCrashNeitherParticipant() throws Exception {
    Account anna = backend.account("Anna");
    Account boris = backend.account("Boris");
    Account mallory = backend.account("Mallory");
    String room = backend.meeting(anna, "Storm", boris, mallory);
    String[] media = {"--duration=" + CALL_SECONDS, "--width=320", "--height=180", "--fps=15"};
    try (HeadlessProcess a = HeadlessProcess.start(backend, anna, room, media);
        HeadlessProcess b = HeadlessProcess.start(backend, boris, room, media);
        Storm storm = new Storm(mallory.accessToken(), room)) {
      storm.run(TimeUnit.SECONDS.toNanos(CALL_SECONDS - 3));

      for (HeadlessProcess p : List.of(a, b)) {
        int status = p.waitFor(60);
        JsonNode summary = p.summary();
        String context = p.output() + "\n" + p.errorTail();
        assertThat(status).as("exit status\n%s", context).isZero();
        // A rejected input is logged as a warning, never thrown out of a thread, and never with
        // the SDP or candidate it came in (the hostile SDP's ICE password, the filler).
        assertThat(p.errors()).as("uncaught throwables").doesNotContain("Exception in thread");
        assertThat(p.errors()).as("SDP in the logs").doesNotContain("mallorymallory", "xxxxxxxxxx");
        assertThat(summary).as(context).isNotNull();
        assertThat(summary.get("ok").asBoolean()).as(context).isTrue();
        String other = p == a ? "Boris" : "Anna";
        JsonNode peer = null;
        for (JsonNode each : summary.get("peers")) {
          if (other.equals(each.get("name").asText())) {
            peer = each;
          }
        }
        assertThat(peer).as("the real peer in %s", summary).isNotNull();
        assertThat(peer.get("state").asText()).as(summary.toString()).isEqualTo("CONNECTED");
        // 15 fps for about 10 s of call: far more than the first seconds before the storm.
        assertThat(peer.get("framesDecoded").asLong()).as(summary.toString()).isGreaterThan(60);
      }
      assertThat(storm.joins).as("the storm really joined the call").isGreaterThan(20);
      // What libwebrtc refused goes back to its sender as 'rejected', with a reason and no SDP.
      assertThat(storm.rejected).as("rejections sent back to the storm").isNotEmpty();
      assertThat(storm.rejected).allSatisfy(r -> {
        assertThat(r.about()).isIn("offer", "answer", "candidate");
        assertThat(r.reason()).isNotBlank().doesNotContain("mallorymallory", "xxxxxxxxxx");
      });
    }
  }

  /** The third socket: joins, sends every kind of garbage to everyone there, leaves; again. */
  private static final class Storm implements AutoCloseable {
    private final LinkedBlockingQueue<SignalMessage> inbox = new LinkedBlockingQueue<>();
    private final Set<String> peers = ConcurrentHashMap.newKeySet();
    final List<Rejected> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final String room;
    int joins;

    Storm(String token, String room) throws Exception {
      this.room = room;
      OkHttpClient http = new OkHttpClient();
      socket = http.newWebSocket(
          new Request.Builder().url(backend.signalingUri().toString())
              .header("Authorization", "Bearer " + token).build(),
          new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
              try {
                SignalMessage message = SignalCodec.parse(text);
                if (message instanceof Rejected r) {
                  rejected.add(r);
                }
                inbox.add(message);
              } catch (Exception e) {
                // not ours to judge
              }
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
              inbox.add(new app.convene.protocol.ErrorMessage(
                  app.convene.protocol.ErrorCode.INTERNAL_ERROR, "socket failed: " + t));
            }
          });
    }

    void run(long nanos) throws Exception {
      long end = System.nanoTime() + nanos;
      // Let the two participants connect first, then storm for the rest of the call.
      Thread.sleep(3_000);
      int round = 0;
      java.util.Random random = new java.util.Random(12);
      while (System.nanoTime() < end) {
        if (round % 3 == 2) {
          // A burst of joins and leaves without waiting for any answer, then a short pause, so
          // that "peer left" lands both on busy and on idle participants.
          for (int i = 0; i < 10; i++) {
            send(new Join(room, "Mallory", null));
            send(new Leave());
          }
          joins += 10;
          Thread.sleep(random.nextInt(60));
          round++;
          continue;
        }
        inbox.clear();
        send(new Join(room, "Mallory", null));
        if (!awaitJoined()) {
          continue;
        }
        joins++;
        for (String peer : peers) {
          for (SignalMessage message : garbage(peer, round)) {
            send(message);
          }
        }
        // Sometimes stay a moment, so that the participants' connections to us get going.
        Thread.sleep(round % 4 == 0 ? 150 : 5);
        send(new Leave());
        round++;
      }
    }

    private boolean awaitJoined() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        SignalMessage m = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (m instanceof Joined joined) {
          joined.peers().stream().map(Peer::peerId).forEach(peers::add);
          return true;
        }
        if (m instanceof PeerJoined joined) {
          peers.add(joined.peer().peerId());
        }
      }
      return false;
    }

    private void send(SignalMessage message) {
      socket.send(SignalCodec.write(message));
    }

    @Override
    public void close() {
      socket.close(1000, "done");
    }
  }

  /**
   * One round of hostile messages for {@code peer}: first what a participant must refuse and live
   * on (candidates for m-lines that do not exist, garbage candidates, an answer it never asked
   * for), then one of three descriptions it cannot even parse, which fail the link to us.
   */
  static List<SignalMessage> garbage(String peer, int round) {
    String huge = "x".repeat(60_000); // under the server's 65,536-byte message limit
    List<SignalMessage> unparseable = List.of(
        new Offer(peer, "this is not SDP"),
        new Offer(peer, validLookingOffer("sha-256 ZZ:not:a:fingerprint")),
        new Answer(peer, "v=0\r\n" + huge));
    return List.of(
        new Candidate(peer, "7", 42, "candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host"),
        new Offer(peer, validLookingOffer(FINGERPRINT)),
        new Candidate(peer, "0", 0, "candidate:garbage " + round),
        new Rejected(peer, "offer", "\u0007bell\rforged log line\n" + round),
        new Candidate(peer, null, 9, huge),
        new Candidate(peer, "1", 1, "candidate:1 1 udp 1 999.999.999.999 70000 typ host"),
        new Answer(peer, validLookingOffer(FINGERPRINT).replace("actpass", "active")),
        new Offer(peer, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 RTP/AVP 96\r\n"
            + "a=" + huge.substring(0, 30_000) + "\r\n"),
        // Views in a loop: a tile that changes every message, hidden, the largest there is.
        new View(peer, 1 + round % 700, 1 + round % 400),
        View.hidden(peer),
        new View(peer, View.MAX_SIDE, View.MAX_SIDE),
        new View(peer, 2 + round % 700, 1),
        unparseable.get((round / 3) % unparseable.size())); // rounds 2, 5, 8… are bursts
  }

  /** An offer that parses, with the given fingerprint; nobody will ever answer its ICE. */
  private static String validLookingOffer(String fingerprint) {
    String fp = fingerprint.startsWith("sha-") ? fingerprint : "sha-256 " + fingerprint;
    String common = "c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:Mall\r\n"
        + "a=ice-pwd:mallorymallorymallorymall\r\na=fingerprint:" + fp + "\r\n"
        + "a=setup:actpass\r\na=rtcp-mux\r\n";
    return "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        + "a=group:BUNDLE 0 1\r\na=msid-semantic: WMS\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" + common + "a=mid:0\r\na=sendrecv\r\n"
        + "a=rtpmap:111 opus/48000/2\r\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n" + common + "a=mid:1\r\na=sendrecv\r\n"
        + "a=rtpmap:96 VP8/90000\r\n";
  }
}

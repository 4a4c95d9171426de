package app.convene.server.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Leave;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RoomRegistryTest {
  private final RoomRegistry registry = new RoomRegistry(3);

  @Test
  void firstJoinCreatesTheRoomAndLastLeaveRemovesIt() {
    Room room = admitted(registry.join("standup", member("p-1"))).room();
    assertThat(registry.roomCount()).isEqualTo(1);
    assertThat(registry.peerCount()).isEqualTo(1);

    assertThat(registry.leave(room, "p-1")).isEmpty();

    assertThat(registry.roomCount()).isZero();
    assertThat(registry.peerCount()).isZero();
  }

  @Test
  void admittedMemberIsToldWhoWasThereInJoinOrder() {
    Member first = member("p-1");
    Member second = member("p-2");
    registry.join("standup", first);
    registry.join("standup", second);

    Admission.Admitted third = admitted(registry.join("standup", member("p-3")));

    assertThat(third.others()).containsExactly(first, second);
    assertThat(third.room().members()).extracting(Member::peerId).containsExactly("p-1", "p-2", "p-3");
  }

  @Test
  void joinBeyondTheLimitIsFullAndChangesNothing() {
    for (int i = 1; i <= 3; i++) {
      registry.join("standup", member("p-" + i));
    }

    Admission fourth = registry.join("standup", member("p-4"));

    assertThat(fourth).isEqualTo(new Admission.Full("standup", 3));
    assertThat(registry.peerCount()).isEqualTo(3);
  }

  @Test
  void leaveReturnsTheMembersThatRemain() {
    Member first = member("p-1");
    Room room = admitted(registry.join("standup", first)).room();
    registry.join("standup", member("p-2"));

    assertThat(registry.leave(room, "p-2")).containsExactly(first);
    assertThat(registry.leave(room, "p-2")).isEmpty();
    assertThat(room.member("p-1")).contains(first);
  }

  @Test
  void concurrentJoinsNeverOverfillARoom() throws Exception {
    RoomRegistry big = new RoomRegistry(5);
    ConcurrentLinkedQueue<Admission> outcomes = new ConcurrentLinkedQueue<>();

    runConcurrently(8, thread -> {
      for (int i = 0; i < 10; i++) {
        outcomes.add(big.join("standup", member("p-" + thread + "-" + i)));
      }
    });

    assertThat(outcomes.stream().filter(Admission.Admitted.class::isInstance)).hasSize(5);
    assertThat(big.peerCount()).isEqualTo(5);
  }

  @Test
  void everyMemberHearsOfItsAdmissionBeforeItHearsOfLaterJoiners() throws Exception {
    RoomRegistry registry = new RoomRegistry(1_000);
    Map<String, List<String>> heard = new ConcurrentHashMap<>();

    runConcurrently(8, thread -> {
      for (int i = 0; i < 50; i++) {
        String peerId = "p-" + thread + "-" + i;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        heard.put(peerId, log);
        Member member = new Member(new Peer(peerId, peerId), message -> log.add(
            message instanceof PeerJoined joined ? joined.peer().peerId() : "welcome"));
        registry.join("standup", member, admitted -> {
          member.send(new Leave()); // stands for the join reply
          LockSupport.parkNanos(200_000); // widen the window a wrong ordering would need
          admitted.others().forEach(other -> other.send(new PeerJoined(member.peer())));
        });
      }
    });

    assertThat(heard).hasSize(400);
    heard.forEach((peerId, log) ->
        assertThat(log).as(peerId).isNotEmpty().first().isEqualTo("welcome"));
  }

  @Test
  void concurrentJoinsAndLeavesLeaveNoMemberOrEmptyRoomBehind() throws Exception {
    RoomRegistry busy = new RoomRegistry(4);

    runConcurrently(8, thread -> {
      for (int i = 0; i < 2_000; i++) {
        String peerId = "p-" + thread + "-" + i;
        if (busy.join("room-" + (i % 3), member(peerId)) instanceof Admission.Admitted admitted) {
          busy.leave(admitted.room(), peerId);
        }
      }
    });

    assertThat(busy.peerCount()).isZero();
    assertThat(busy.roomCount()).isZero();
  }

  private static Member member(String peerId) {
    return new Member(new Peer(peerId, "Name of " + peerId), message -> {});
  }

  private static Admission.Admitted admitted(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    return (Admission.Admitted) admission;
  }

  private interface Work {
    void run(int thread) throws Exception;
  }

  private static void runConcurrently(int threads, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          work.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package app.convene.server.signaling;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Join;
import app.convene.protocol.Joined;
import app.convene.protocol.Peer;
import app.convene.protocol.PeerJoined;
import app.convene.protocol.ProtocolVersion;
import app.convene.server.rooms.Admission;
import app.convene.server.rooms.Member;
import app.convene.server.rooms.Room;
import app.convene.server.rooms.RoomService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one {@link Participant} gets into a room's call: the checks of its {@code join} and the
 * gate's grant, then the room's admission, the {@code joined} reply and the others' {@code
 * peer-joined}. A fresh join and a {@link ResumeJoin} both admit through here; every refusal is a
 * typed error to the client.
 *
 * <p>Threads: the joining connection's Jetty thread. {@link #check} holds no lock (the gate may
 * block on the database); {@link #admit} and {@link #joinedReply} are called holding the
 * participant's lock, and only enqueue messages, which never runs other connections' code (see
 * {@link OutgoingQueue}).
 */
final class Joining {
  private static final Logger log = LoggerFactory.getLogger(Joining.class);

  /** A join that passed its checks: the room's grant and the stripped display name. */
  record Ticket(RoomService.Grant grant, String name) {}

  private final Participant participant;
  private final SignalingService service;

  Joining(Participant participant, SignalingService service) {
    this.participant = Objects.requireNonNull(participant, "participant == null");
    this.service = Objects.requireNonNull(service, "service == null");
  }

  /**
   * Holds no lock. Checks the join's protocol and fields, that the connection is in no room, and
   * asks the gate; empty, after telling the client why, when the join is refused.
   */
  Optional<Ticket> check(Join join) {
    if (!ProtocolVersion.isSupported(join.protocol())) {
      participant.error(
          ErrorCode.UNSUPPORTED_PROTOCOL,
          "protocol " + join.protocol() + " is not supported; this server speaks "
              + InputChecks.versions(),
          "join");
      return Optional.empty();
    }
    String roomId = join.roomId().strip();
    String name = join.name().strip();
    Optional<String> problem =
        InputChecks.roomId(roomId).or(() -> InputChecks.displayName(name));
    if (problem.isPresent()) {
      participant.error(ErrorCode.INVALID_FIELD, problem.get(), "join");
      return Optional.empty();
    }
    if (participant.refusedAsAlreadyInRoom()) {
      return Optional.empty();
    }
    // The database decides, with no lock held; membership is checked again under the lock.
    Optional<RoomService.Grant> grant =
        service.gate().admit(participant.caller(), roomId, join.invite());
    if (grant.isEmpty()) {
      participant.error(
          ErrorCode.ROOM_NOT_FOUND,
          "no room '" + roomId + "', or you are not invited to it",
          "join");
      return Optional.empty();
    }
    if (grant.get().locked() && join.resume() == null) {
      participant.error(
          ErrorCode.ROOM_LOCKED,
          "the host has locked room '" + roomId + "'; nobody else can join until it is unlocked",
          "join");
      return Optional.empty();
    }
    return Optional.of(new Ticket(grant.get(), name));
  }

  /**
   * Holds the participant's lock. Seats the connection under its own peer id and admits it;
   * {@link Arrivals} hear of it once it is in.
   */
  void seat(String peerId, Ticket ticket) {
    Seat mine = new Seat(peerId, participant.caller().id(), false);
    if (service.seats().putIfAbsent(peerId, mine) != null) {
      participant.error(
          ErrorCode.INTERNAL_ERROR, "the server failed to seat you; try again", "join");
      return;
    }
    if (admit(mine, ticket.name(), ticket.grant(), false)) {
      service.arrivals().arrived(
          participant.caller(), mine.room().id(), mine.peerId(), ticket.name());
    }
  }

  /**
   * Holds the participant's lock. Gives the participant its place back (see {@link ResumeJoin}).
   *
   * @return the connection that held the seat until now, to be let go of once the lock is
   *     released; or {@code null}
   */
  Participant resume(String token, Ticket ticket) {
    return new ResumeJoin(participant, this, service, ticket.grant(), ticket.name())
        .resume(token);
  }

  /**
   * Holds the participant's lock. Admits the seat into the grant's room: on success the
   * participant is in the room and true is returned; a full room is refused with a typed error.
   *
   * @param returned whether the participant comes back into a room rebuilt after a restart: the
   *     others that came back know it already and hear nothing
   */
  boolean admit(Seat mine, String name, RoomService.Grant grant, boolean returned) {
    mine.attach(participant, participant.outbox(), null);
    Member me = new Member(new Peer(mine.peerId(), name), mine::deliver);
    Admission admission = service.rooms().join(
        grant.roomId(), grant.maxUsers(), me, admitted -> {
          mine.seated(admitted.room());
          welcome(admitted, me, returned);
        });
    switch (admission) {
      case Admission.Full full -> {
        mine.leave();
        service.seats().remove(mine.peerId(), mine);
        participant.error(
            ErrorCode.ROOM_FULL,
            "room '" + grant.roomId() + "' is full (" + full.maxPeers() + " of "
                + full.maxPeers() + ")",
            "join");
        return false;
      }
      case Admission.Admitted admitted -> {
        participant.seated(mine, admitted.room());
        log.atInfo()
            .addKeyValue("roomId", admitted.room().id())
            .addKeyValue("peer", mine.peerId())
            .addKeyValue("user", participant.caller().id())
            .addKeyValue("members", admitted.others().size() + 1)
            .addKeyValue("returned", returned)
            .log(returned ? "peer came back into a rebuilt room" : "peer joined");
        return true;
      }
    }
  }

  /** A {@code joined} reply for the participant's seat, with a fresh resume token. */
  Joined joinedReply(Room in, String me, List<Peer> peers) {
    return new Joined(
        ProtocolVersion.CURRENT,
        in.id(),
        me,
        peers,
        service.ice().issueFor(me),
        in.maxPeers(),
        service.resumeTokens().issue(participant.caller().id(), in.id(), me));
  }

  /**
   * Holds the participant's lock and the room's lock: the join reply reaches our outbox before any
   * message a later joiner sends us, and the others hear of us in join order. Of a participant
   * that came back into a rebuilt room, only the members that did not come back themselves hear.
   * When the server issues TURN credentials, each of them gets fresh ones with the notice, so a
   * member of a call longer than the credentials' lifetime can still reach the newcomer.
   */
  private void welcome(Admission.Admitted admitted, Member me, boolean returned) {
    List<Peer> peers = admitted.others().stream().map(Member::peer).toList();
    participant.outbox().accept(joinedReply(admitted.room(), me.peerId(), peers));
    boolean renew = service.ice().issuesCredentials();
    for (Member other : admitted.others()) {
      Seat theirs = service.seats().get(other.peerId());
      if (!returned || theirs == null || !theirs.returned()) {
        other.send(new PeerJoined(me.peer(),
            renew ? service.ice().issueFor(other.peerId()) : null));
      }
    }
  }
}

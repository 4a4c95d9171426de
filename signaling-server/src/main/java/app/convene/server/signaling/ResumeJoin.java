package app.convene.server.signaling;

import app.convene.protocol.ErrorCode;
import app.convene.protocol.Joined;
import app.convene.protocol.Peer;
import app.convene.server.rooms.Member;
import app.convene.server.rooms.RoomService;
import java.util.List;
import java.util.Optional;

/**
 * A {@code join} with a resume token: checks the token and gives the participant its place back.
 *
 * <ul>
 *   <li>The seat is still held (the socket dropped less than the resume grace ago, or the old
 *       socket is not even noticed as dead yet): the new connection takes it over, the old one is
 *       closed; nobody else hears anything.
 *   <li>No seat, and the token was issued by an earlier process of this server (it restarted):
 *       the participant is admitted again with the same peer id; members that came back the same
 *       way hear nothing, members that joined the rebuilt room afresh hear {@code peer-joined}.
 *   <li>Anything else is refused with {@link ErrorCode#RESUME_REFUSED}: a damaged or forged
 *       token, an expired one, another account's or room's, or a seat this server gave up after the
 *       grace (the others were told {@code peer-left} then).
 * </ul>
 *
 * <p>Runs on the joining connection's thread, holding the participant's lock; used once.
 */
final class ResumeJoin {
  private final Participant participant;
  private final Joining joining;
  private final SignalingService service;
  private final RoomService.Grant grant;
  private final String name;

  ResumeJoin(Participant participant, Joining joining, SignalingService service,
      RoomService.Grant grant, String name) {
    this.participant = participant;
    this.joining = joining;
    this.service = service;
    this.grant = grant;
    this.name = name;
  }

  /** @return the connection that held the seat until now, to be let go of; or {@code null} */
  Participant resume(String token) {
    ResumeTokens tokens = service.resumeTokens();
    Optional<ResumeTokens.Claims> read = tokens.read(token);
    if (read.isEmpty()) {
      return refuse("the resume token is not valid");
    }
    ResumeTokens.Claims claims = read.get();
    if (tokens.expired(claims)) {
      return refuse("the resume token expired");
    }
    if (!claims.userId().equals(participant.caller().id())) {
      return refuse("the resume token belongs to another account");
    }
    if (!claims.roomId().equals(grant.roomId())) {
      return refuse("the resume token is for another room");
    }
    Seat held = service.seats().get(claims.peerId());
    if (held != null) {
      return takeOver(held);
    }
    if (claims.instance().equals(tokens.instance())) {
      return refuse("your place in the call was given up after "
          + service.config().resumeGrace().toSeconds() + " s away");
    }
    Seat returned = new Seat(claims.peerId(), participant.caller().id(), true);
    if (service.seats().putIfAbsent(claims.peerId(), returned) != null) {
      return refuse("your peer id is taken");
    }
    joining.admit(returned, name, grant, true);
    return null;
  }

  private Participant takeOver(Seat held) {
    if (!held.userId().equals(participant.caller().id()) || held.room() == null
        || !held.room().id().equals(grant.roomId())) {
      return refuse("the resume token does not match your place");
    }
    Participant previous;
    try {
      // Under the room's lock: a peer that joins or leaves now is told to the new socket.
      previous = held.room().withMembers(members -> {
        List<Peer> peers = members.stream()
            .filter(m -> !m.peerId().equals(held.peerId()))
            .map(Member::peer)
            .toList();
        Joined reply = joining.joinedReply(held.room(), held.peerId(), peers);
        return held.attach(participant, participant.outbox(), reply);
      });
    } catch (IllegalStateException gone) {
      return refuse("your place in the call was given up after "
          + service.config().resumeGrace().toSeconds() + " s away");
    }
    participant.seatedAgain(held);
    return previous;
  }

  private Participant refuse(String why) {
    participant.error(ErrorCode.RESUME_REFUSED, why + "; join again without 'resume'", "join");
    return null;
  }
}

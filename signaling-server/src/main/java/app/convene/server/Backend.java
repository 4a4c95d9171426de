package app.convene.server;

import app.convene.server.auth.AuthRoutes;
import app.convene.server.auth.AuthService;
import app.convene.server.auth.Registrations;
import app.convene.server.auth.VerificationRoutes;
import app.convene.server.auth.VerificationSender;
import app.convene.server.auth.TokenSecret;
import app.convene.server.calendar.CalendarRoutes;
import app.convene.server.calendar.EventService;
import app.convene.server.calendar.MeetingChanges;
import app.convene.server.calendar.ScheduleService;
import app.convene.server.http.Router;
import app.convene.server.jobs.LifecycleJobs;
import app.convene.server.notify.Notices;
import app.convene.server.mail.InvitationMailer;
import app.convene.server.mail.VerificationMailer;
import app.convene.server.preferences.PreferencesRoutes;
import app.convene.server.preferences.PreferencesService;
import app.convene.server.rooms.CallEjections;
import app.convene.server.rooms.HostRoutes;
import app.convene.server.rooms.LiveCalls;
import app.convene.server.rooms.RoomRoutes;
import app.convene.server.rooms.RoomService;
import app.convene.server.signaling.ConnectedUsers;
import app.convene.server.signaling.ResumeTokens;
import app.convene.server.store.Database;
import app.convene.server.store.StorageSettings;
import app.convene.server.throttle.Throttle;
import app.convene.server.throttle.ThrottledRoutes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/**
 * The composition root of everything behind the REST API: the data folder, the database, the
 * services, their routes and the background jobs. Built once by {@link SignalingServer}, on the
 * thread that starts it.
 */
final class Backend implements AutoCloseable {
  private final Database database;
  private final AuthService auth;
  private final RoomService rooms;
  private final LifecycleJobs jobs;
  private final Notices notices;
  private final InvitationMailer mailer;
  private final ResumeTokens resumeTokens;
  private final Throttle throttle;
  /** Mails verification links; {@code null} with mail off. */
  private final VerificationMailer verificationMailer;
  private final Router router = new Router();

  private Backend(ServerConfig config, Clock clock, Database database, byte[] secret,
      Predicate<String> occupied, ConnectedUsers connected, LiveCalls calls, Throttle throttle) {
    this.database = database;
    this.throttle = throttle;
    this.verificationMailer = config.smtp().enabled()
        ? new VerificationMailer(config.smtp(), clock) : null;
    Registrations registrations = new Registrations(database, clock, config.registration(),
        secret, verificationMailer == null ? VerificationSender.NONE : verificationMailer);
    this.auth = new AuthService(database, clock, secret, config.tokens().accessTokenTtl(),
        config.passwordHashing(), registrations, config.throttle().refreshGrace(),
        connected::close);
    this.resumeTokens = new ResumeTokens(secret, config.tokens().resumeTokenTtl(), clock);
    this.rooms = new RoomService(database, clock, config.signaling().maxPeersPerRoom(), secret);
    this.notices = new Notices(database, clock, connected, config.jobs().reminderLead());
    PreferencesService preferences = new PreferencesService(database, clock);
    this.mailer = new InvitationMailer(config.smtp(), rooms, preferences, clock);
    EventService events = new EventService(database, clock,
        MeetingChanges.all(List.of(notices.meetingChanges(), mailer,
            new CallEjections(calls, rooms, connected::byEmail))));
    ScheduleService schedule = new ScheduleService(database, events, rooms);
    this.jobs = new LifecycleJobs(database, clock, config.jobs().roomIdleTimeout(),
        config.jobs().roomIdleCheckInterval(), occupied, auth::deleteExpiredRefreshTokens);
    AuthRoutes.addTo(router, auth);
    VerificationRoutes.addTo(router, registrations);
    CalendarRoutes.addTo(router, events, schedule);
    RoomRoutes.addTo(router, rooms);
    HostRoutes.addTo(router, rooms, calls);
    PreferencesRoutes.addTo(router, preferences);
    ThrottledRoutes.wrap(router, throttle);
  }

  /**
   * Creates the data folder, opens (and migrates) the database and reads the token secret.
   *
   * @param occupied whether a room (by id) has participants now, for the idle-room job
   * @param connected the open signaling sockets by user, for notices
   * @param calls the live calls, for the host's controls and for meeting changes
   */
  static Backend open(ServerConfig config, Clock clock, Predicate<String> occupied,
      ConnectedUsers connected, LiveCalls calls) throws IOException {
    Path dataDir = DataDirectory.create(config.storage().dataDir());
    byte[] secret = TokenSecret.load(config.tokens().secret(), dataDir);
    Throttle throttle = Throttle.open(config.throttle(), clock);
    Database database;
    try {
      StorageSettings storage = config.storage();
      database = Database.open(storage.databaseUrl(), storage.databaseUser(),
          storage.databasePassword(), dataDir, storage.atRest());
    } catch (RuntimeException e) {
      throttle.close();
      throw e;
    }
    try {
      Backend backend =
          new Backend(config, clock, database, secret, occupied, connected, calls, throttle);
      backend.rooms.sealPlaintextInviteTokens();
      return backend;
    } catch (RuntimeException e) {
      throttle.close();
      database.close();
      throw e;
    }
  }

  AuthService auth() {
    return auth;
  }

  /** Signs resume tokens with the persistent token secret, so they outlive a restart. */
  ResumeTokens resumeTokens() {
    return resumeTokens;
  }

  RoomService rooms() {
    return rooms;
  }

  LifecycleJobs jobs() {
    return jobs;
  }

  Notices notices() {
    return notices;
  }

  /** Counts sign-in failures and the like; shared through Redis when configured. */
  Throttle throttle() {
    return throttle;
  }

  Router router() {
    return router;
  }

  /** Stops the notices, finishes the queued e-mail (bounded) and jobs, then closes the database. */
  @Override
  public void close() {
    try {
      notices.close();
      mailer.close();
      if (verificationMailer != null) {
        verificationMailer.close();
      }
      jobs.close();
      throttle.close();
    } finally {
      database.close();
    }
  }
}

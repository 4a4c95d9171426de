package app.convene.server;

import app.convene.protocol.IceServer;
import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.throttle.ThrottleSettings;
import app.convene.server.web.WebSecurity;
import app.convene.server.store.AtRestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A {@link ServerConfig}'s components as fields, so that each wither changes one. */
final class ServerConfigCopy {
  String host;
  int port;
  int maxPeersPerRoom;
  int maxMessageBytes;
  int maxQueuedMessages;
  Duration idleTimeout;
  Duration pingInterval;
  Duration shutdownGrace;
  Duration resumeGrace;
  Duration resumeTokenTtl;
  List<IceServer> iceServers;
  String turnSecret;
  Duration turnCredentialTtl;
  Path dataDir;
  String databaseUrl;
  String databaseUser;
  String databasePassword;
  String tokenSecret;
  Duration accessTokenTtl;
  Duration roomIdleTimeout;
  Duration roomIdleCheckInterval;
  Duration reminderLead;
  SmtpSettings smtp;
  PasswordHashing passwordHashing;
  int acceptQueueSize;
  ThrottleSettings throttle;
  RegistrationSettings registration;
  WebSecurity web;
  AtRestSettings atRest;

  ServerConfigCopy(ServerConfig c) {
    host = c.host();
    port = c.port();
    maxPeersPerRoom = c.maxPeersPerRoom();
    maxMessageBytes = c.maxMessageBytes();
    maxQueuedMessages = c.maxQueuedMessages();
    idleTimeout = c.idleTimeout();
    pingInterval = c.pingInterval();
    shutdownGrace = c.shutdownGrace();
    resumeGrace = c.resumeGrace();
    resumeTokenTtl = c.resumeTokenTtl();
    iceServers = c.iceServers();
    turnSecret = c.turnSecret();
    turnCredentialTtl = c.turnCredentialTtl();
    dataDir = c.dataDir();
    databaseUrl = c.databaseUrl();
    databaseUser = c.databaseUser();
    databasePassword = c.databasePassword();
    tokenSecret = c.tokenSecret();
    accessTokenTtl = c.accessTokenTtl();
    roomIdleTimeout = c.roomIdleTimeout();
    roomIdleCheckInterval = c.roomIdleCheckInterval();
    reminderLead = c.reminderLead();
    smtp = c.smtp();
    passwordHashing = c.passwordHashing();
    acceptQueueSize = c.acceptQueueSize();
    throttle = c.throttle();
    registration = c.registration();
    web = c.web();
    atRest = c.atRest();
  }

  /** A new config of these values; checked by the record's constructor. */
  ServerConfig build() {
    return new ServerConfig(host, port, maxPeersPerRoom, maxMessageBytes, maxQueuedMessages,
        idleTimeout, pingInterval, shutdownGrace,
        resumeGrace, resumeTokenTtl,
        iceServers, turnSecret, turnCredentialTtl,
        dataDir, databaseUrl, databaseUser, databasePassword, tokenSecret, accessTokenTtl,
        roomIdleTimeout, roomIdleCheckInterval, reminderLead,
        smtp, passwordHashing, acceptQueueSize, throttle, registration, web, atRest);
  }
}

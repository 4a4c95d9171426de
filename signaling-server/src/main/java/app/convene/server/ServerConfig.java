package app.convene.server;

import app.convene.server.auth.PasswordHashing;
import app.convene.server.auth.RegistrationSettings;
import app.convene.server.auth.TokenSettings;
import app.convene.server.ice.IceSettings;
import app.convene.server.jobs.JobSettings;
import app.convene.server.mail.SmtpSettings;
import app.convene.server.signaling.SignalingSettings;
import app.convene.server.store.StorageSettings;
import app.convene.server.throttle.ThrottleSettings;
import app.convene.server.web.WebSecurity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a server runs, one record a feature; each checks its own values. Immutable; start from
 * {@link #defaults()} and change a feature with its {@code with…} method, or read it from a
 * command line and the environment with {@link #parse(String[], Map)}. The features usually
 * changed one value at a time take a function of the old record, as in {@code
 * defaults().withNetwork(n -> n.withPort(0))}; the others take the new record. {@link
 * #toString()} shows no secret or password.
 *
 * @param network where the server listens
 * @param web the server's own TLS (PEM files, reload, HTTP redirect, HSTS) and the browser origins
 *     allowed to use the REST API and the WebSocket
 * @param signaling the sockets' and rooms' limits and timers, resume grace included
 * @param ice the STUN and TURN servers handed to clients and their TURN credentials
 * @param storage the data folder and the database
 * @param tokens the token secret and the lifetimes of access and resume tokens
 * @param jobs when the idle-room job and the meeting reminders run
 * @param smtp where invitation e-mail goes out; {@link SmtpSettings#OFF} sends none
 * @param passwordHashing how many Argon2id password hashes run at once and how long a sign-in
 *     waits for its turn before 503
 * @param throttle throttling of sign-in and other guessable requests, the refresh grace and the
 *     socket cap per account
 * @param registration who may register, the password policy and e-mail verification
 */
public record ServerConfig(
    NetworkSettings network,
    WebSecurity web,
    SignalingSettings signaling,
    IceSettings ice,
    StorageSettings storage,
    TokenSettings tokens,
    JobSettings jobs,
    SmtpSettings smtp,
    PasswordHashing passwordHashing,
    ThrottleSettings throttle,
    RegistrationSettings registration) {

  public ServerConfig {
    Objects.requireNonNull(network, "network == null");
    Objects.requireNonNull(web, "web == null");
    Objects.requireNonNull(signaling, "signaling == null");
    Objects.requireNonNull(ice, "ice == null");
    Objects.requireNonNull(storage, "storage == null");
    Objects.requireNonNull(tokens, "tokens == null");
    Objects.requireNonNull(jobs, "jobs == null");
    Objects.requireNonNull(smtp, "smtp == null");
    Objects.requireNonNull(passwordHashing, "passwordHashing == null");
    Objects.requireNonNull(throttle, "throttle == null");
    Objects.requireNonNull(registration, "registration == null");
  }

  /**
   * Every feature's default: loopback on port 8787 in plain HTTP ({@link NetworkSettings#DEFAULT},
   * {@link WebSecurity#DEFAULT}), {@link SignalingSettings#DEFAULT}, no ICE servers, the data
   * folder of this user and OS (see {@link DataDirectory}) with the embedded database and a
   * generated token secret in it, {@link TokenSettings#DEFAULT}, {@link JobSettings#DEFAULT}, no
   * e-mail, password hashing sized from the heap, {@link ThrottleSettings#DEFAULT} and open
   * registration.
   */
  public static ServerConfig defaults() {
    return defaults(DataDirectory.defaultFor(System.getenv()));
  }

  static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(NetworkSettings.DEFAULT, WebSecurity.DEFAULT,
        SignalingSettings.DEFAULT, IceSettings.DEFAULT, StorageSettings.embedded(dataDir),
        TokenSettings.DEFAULT, JobSettings.DEFAULT, SmtpSettings.OFF, PasswordHashing.DEFAULT,
        ThrottleSettings.DEFAULT, RegistrationSettings.DEFAULT);
  }

  /**
   * Reads a configuration from {@code --name=value} flags and {@code CONVENE_NAME} environment
   * variables, over {@link #defaults()}; a flag wins over its variable. Run the server with {@code
   * --help} for the list.
   *
   * @throws IllegalArgumentException naming the flag (or variable) when a value is wrong
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    return ConfigParser.parse(args, env);
  }

  public ServerConfig withNetwork(UnaryOperator<NetworkSettings> change) {
    return new ServerConfig(change.apply(network), web, signaling, ice, storage, tokens, jobs,
        smtp, passwordHashing, throttle, registration);
  }

  public ServerConfig withWeb(WebSecurity web) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }

  public ServerConfig withSignaling(UnaryOperator<SignalingSettings> change) {
    return new ServerConfig(network, web, change.apply(signaling), ice, storage, tokens, jobs,
        smtp, passwordHashing, throttle, registration);
  }

  public ServerConfig withIce(UnaryOperator<IceSettings> change) {
    return new ServerConfig(network, web, signaling, change.apply(ice), storage, tokens, jobs,
        smtp, passwordHashing, throttle, registration);
  }

  public ServerConfig withStorage(UnaryOperator<StorageSettings> change) {
    return new ServerConfig(network, web, signaling, ice, change.apply(storage), tokens, jobs,
        smtp, passwordHashing, throttle, registration);
  }

  public ServerConfig withTokens(UnaryOperator<TokenSettings> change) {
    return new ServerConfig(network, web, signaling, ice, storage, change.apply(tokens), jobs,
        smtp, passwordHashing, throttle, registration);
  }

  public ServerConfig withJobs(JobSettings jobs) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }

  public ServerConfig withSmtp(SmtpSettings smtp) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }

  public ServerConfig withPasswordHashing(PasswordHashing passwordHashing) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }

  public ServerConfig withThrottle(ThrottleSettings throttle) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }

  public ServerConfig withRegistration(RegistrationSettings registration) {
    return new ServerConfig(network, web, signaling, ice, storage, tokens, jobs, smtp,
        passwordHashing, throttle, registration);
  }
}

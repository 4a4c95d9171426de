package app.convene.server;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a signaling server from the command line until the process is stopped; Ctrl-C or SIGTERM
 * shut it down gracefully. Options come from flags and {@code CONVENE_*} environment variables;
 * {@code --help} lists them. Logs are JSON lines on standard output.
 */
public final class Main {
  /** The logback configuration of the standalone server, a resource of this module. */
  static final String LOGBACK_CONFIG = "convene-server-logback.xml";

  private static final String NAME = "convene-signaling-server";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println("Usage: " + NAME + " [--option=value ...]");
      System.out.println();
      System.out.println("Each option can also come from its environment variable; a flag wins over");
      System.out.println("the variable. CONVENE_STUN and CONVENE_TURN take comma-separated lists.");
      System.out.println();
      System.out.print(ConfigOptions.usage());
      return;
    }
    ServerConfig config;
    try {
      config = ServerConfig.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(NAME + ": " + e.getMessage());
      System.err.println("Run with --help to see the options.");
      System.exit(2);
      return;
    }
    // Before the first logger exists: the client module embeds this server and has its own config.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    Logger log = LoggerFactory.getLogger(Main.class);

    SignalingServer server;
    try {
      server = SignalingServer.start(config);
    } catch (IllegalArgumentException e) {
      // a configuration that only shows as wrong when used, e.g. a database key that does not fit
      log.atError().log("cannot start: " + e.getMessage());
      System.err.println(NAME + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "convene-shutdown"));
    log.atInfo()
        .addKeyValue("url", server.signalingUri())
        .addKeyValue("health", server.healthUri())
        .log("listening on " + server.signalingUri());
    server.join();
  }
}

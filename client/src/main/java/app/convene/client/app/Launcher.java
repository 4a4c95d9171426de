package app.convene.client.app;

import app.convene.client.headless.HeadlessParticipant;
import java.net.URI;
import java.util.Arrays;
import javafx.application.Application;

/**
 * The entry point of the desktop app and of the headless participant ({@code --headless}). Not
 * an {@link Application} itself, so it starts from a plain class path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--headless")) {
      HeadlessParticipant.main(args);
      return;
    }
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(AppOptions.USAGE);
      return;
    }
    AppOptions options;
    try {
      options = AppOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(AppOptions.USAGE);
      System.exit(2);
      return;
    }
    EmbeddedServer embedded =
        options.server() == null ? EmbeddedServer.startOrReuse(EmbeddedServer.DEFAULT_PORT) : null;
    URI server = embedded != null ? embedded.baseUri() : options.server();
    ConveneApp.configure(options, server);
    try {
      Application.launch(ConveneApp.class);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    System.exit(0);
  }
}

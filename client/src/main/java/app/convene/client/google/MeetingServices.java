package app.convene.client.google;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web meeting services whose links are recognised, read once from {@code
 * meeting-services.txt} beside this class (its header says the format). A new service is a line
 * there, not code. Immutable; any thread.
 */
final class MeetingServices {
  /** One line: a service, the hosts it serves meetings from and the paths of its meeting links. */
  record Service(MeetingLink.Kind kind, List<String> hosts, Pattern path) {
    boolean matches(String host, String rawPath) {
      return hosts.stream().anyMatch(h -> hostMatches(h, host)) && path.matcher(rawPath).matches();
    }

    private static boolean hostMatches(String pattern, String host) {
      return pattern.startsWith("*.")
          ? host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1
          : host.equals(pattern);
    }
  }

  static final MeetingServices ALL = load("meeting-services.txt");

  private final List<Service> services;

  MeetingServices(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /** The service of a link by its lower-case host and raw path, if one claims it. */
  Optional<MeetingLink.Kind> match(String host, String rawPath) {
    return services.stream().filter(s -> s.matches(host, rawPath)).map(Service::kind).findFirst();
  }

  List<Service> services() {
    return services;
  }

  static MeetingServices load(String resource) {
    try (InputStream in = MeetingServices.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, () -> resource + " is missing from the app");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Service> services = new ArrayList<>();
      String line;
      for (int number = 1; (line = reader.readLine()) != null; number++) {
        if (!line.isBlank() && !line.startsWith("#")) {
          services.add(parse(line, resource + ":" + number));
        }
      }
      return new MeetingServices(services);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code id | name | host, *.host | path regex}; the path may itself contain {@code |}. */
  static Service parse(String line, String where) {
    String[] columns = line.split("\\|", 4);
    if (columns.length < 4 || columns[0].isBlank() || columns[1].isBlank() || columns[3].isBlank()) {
      throw new IllegalArgumentException(where + ": expected \"id | name | hosts | path\": " + line);
    }
    List<String> hosts = Arrays.stream(columns[2].split(","))
        .map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(java.util.Locale.ROOT))
        .toList();
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(where + ": no hosts: " + line);
    }
    return new Service(new MeetingLink.Kind(columns[0].strip(), columns[1].strip()), hosts,
        Pattern.compile(columns[3].strip(), Pattern.CASE_INSENSITIVE));
  }
}

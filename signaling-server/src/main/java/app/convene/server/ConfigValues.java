package app.convene.server;

import app.convene.server.ConfigOptions.Option;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The raw values of the options, from {@code --name=value} flags and {@code CONVENE_NAME}
 * environment variables, read as text, numbers, durations, paths or URLs. A flag wins over its
 * variable; a repeatable flag given at least once replaces the variable's whole list. Every error
 * names the flag, and the variable when the value came from there.
 */
final class ConfigValues {
  /** A raw value and where it came from, for error messages. */
  record Value(String text, String source) {
    /** An error about this value: its source, then the message. */
    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(source + ": " + message);
    }
  }

  private final Map<String, List<String>> flags = new HashMap<>();
  private final Map<String, String> env;

  /** @throws IllegalArgumentException for an unknown option or a flag without a value */
  ConfigValues(String[] args, Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env == null");
    for (String arg : Objects.requireNonNull(args, "args == null")) {
      Objects.requireNonNull(arg, "args contains null");
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") ? arg.substring(2, equals < 0 ? arg.length() : equals) : "";
      Option option = ConfigOptions.named(name);
      if (option == null) {
        throw new IllegalArgumentException(
            "unknown option '" + arg + "'; see --help for the options");
      }
      if (equals < 0) {
        throw new IllegalArgumentException(
            option.flag() + " needs a value, as in " + option.flag() + "=" + option.value());
      }
      flags.computeIfAbsent(name, n -> new ArrayList<>()).add(arg.substring(equals + 1));
    }
  }

  /** The last flag of that name, else the environment variable, else {@code null}. */
  Value single(String name) {
    Option option = option(name);
    List<String> given = flags.get(name);
    if (given != null) {
      return new Value(given.getLast(), option.flag());
    }
    String fromEnv = env.get(option.env());
    if (fromEnv == null || fromEnv.isEmpty()) {
      return null;
    }
    return new Value(fromEnv, option.env() + " (" + option.flag() + ")");
  }

  /** The value without surrounding white space, or {@code fallback} when the option is unset. */
  String text(String name, String fallback) {
    Value value = single(name);
    return value == null ? fallback : notBlank(value).strip();
  }

  /** Like {@link #text} but as given, and never repeats the value in an error. */
  String secret(String name) {
    Value value = single(name);
    return value == null ? null : notBlank(value);
  }

  Path path(String name, Path fallback) {
    Value value = single(name);
    if (value == null) {
      return fallback;
    }
    String text = notBlank(value).strip();
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw value.error("'" + text + "' is not a path");
    }
  }

  int integer(String name, int fallback, int min, int max) {
    Value value = single(name);
    if (value == null) {
      return fallback;
    }
    long number;
    try {
      number = Long.parseLong(value.text().strip());
    } catch (NumberFormatException e) {
      throw value.error("'" + value.text() + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw value.error(number + " is not between " + min + " and " + max);
    }
    return (int) number;
  }

  Duration seconds(String name, Duration fallback, int min) {
    return Duration.ofSeconds(integer(name, (int) fallback.toSeconds(), min, Integer.MAX_VALUE));
  }

  Duration millis(String name, Duration fallback, int min, int max) {
    return Duration.ofMillis(integer(name, (int) fallback.toMillis(), min, max));
  }

  /**
   * A repeatable option's URLs: every flag of that name, else the variable's comma-separated
   * list; each must start with one of {@code schemes}.
   */
  List<String> urls(String name, String... schemes) {
    List<Value> values = new ArrayList<>();
    Option option = option(name);
    if (flags.containsKey(name)) {
      flags.get(name).forEach(text -> values.add(new Value(text, option.flag())));
    } else if (env.get(option.env()) != null) {
      Arrays.stream(env.get(option.env()).split(","))
          .filter(text -> !text.isBlank())
          .forEach(text -> values.add(new Value(text, option.env() + " (" + option.flag() + ")")));
    }
    List<String> urls = new ArrayList<>();
    for (Value value : values) {
      String url = value.text().strip();
      if (Arrays.stream(schemes).noneMatch(url::startsWith) || url.length() <= url.indexOf(':') + 1) {
        throw value.error("'" + url + "' is not a URL starting with "
            + String.join(" or ", schemes));
      }
      urls.add(url);
    }
    return urls;
  }

  /** The comma-separated items of the option, stripped, blanks dropped; empty when unset. */
  List<String> list(String name) {
    String text = text(name, null);
    return text == null ? List.of() : Arrays.stream(text.split(","))
        .map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  private static String notBlank(Value value) {
    if (value.text().isBlank()) {
      throw value.error("the value is empty");
    }
    return value.text();
  }

  private static Option option(String name) {
    return Objects.requireNonNull(ConfigOptions.named(name), name);
  }
}

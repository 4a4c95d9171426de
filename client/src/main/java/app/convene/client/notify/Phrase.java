package app.convene.client.notify;

import app.convene.client.i18n.Messages;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;

/**
 * A text of the notification centre kept as its message key and arguments, so that it shows in
 * the language of the moment: a notice stored yesterday in English reads in Russian after the
 * user switched (the stored history is written to disk). Times are kept as instants and written
 * as the app writes times, in the zone it shows.
 *
 * @param key the message key in {@code messages*.properties}
 */
public record Phrase(String key, List<Arg> args) {
  public Phrase {
    Objects.requireNonNull(key, "key == null");
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** One argument of a phrase. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Arg.Text.class, name = "text"),
      @JsonSubTypes.Type(value = Arg.Word.class, name = "word"),
      @JsonSubTypes.Type(value = Arg.Count.class, name = "count"),
      @JsonSubTypes.Type(value = Arg.Time.class, name = "time"),
      @JsonSubTypes.Type(value = Arg.DateTime.class, name = "dateTime")})
  public sealed interface Arg {
    /** Words not to translate: a meeting's title, a person's name. */
    record Text(String value) implements Arg {}

    /** A message of the app's own, by its key ("someone"). */
    record Word(String key) implements Arg {}

    /** A number, e.g. minutes. */
    record Count(long value) implements Arg {}

    /** A time of day ("10:00", "10:00 AM"). */
    record Time(Instant at) implements Arg {}

    /** A date and time ("7 Dec 2026, 10:00"). */
    record DateTime(Instant at) implements Arg {}
  }

  /** Words that are not translated, e.g. a meeting's title. */
  public static Phrase literal(String words) {
    return of("notify.literal", new Arg.Text(words));
  }

  public static Phrase of(String key, Arg... args) {
    return new Phrase(key, List.of(args));
  }

  /** The phrase in the app's language now, with times in {@code zone}. */
  public String render(ZoneId zone) {
    if (args.isEmpty()) {
      return Messages.get(key);
    }
    Object[] values = args.stream().map(arg -> switch (arg) {
      case Arg.Text text -> (Object) text.value();
      case Arg.Word word -> Messages.get(word.key());
      case Arg.Count count -> count.value();
      case Arg.Time time -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
          .withLocale(Messages.locale()).withZone(zone).format(time.at());
      case Arg.DateTime dateTime ->
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
              .withLocale(Messages.locale()).withZone(zone).format(dateTime.at());
    }).toArray();
    return Messages.format(key, values);
  }
}

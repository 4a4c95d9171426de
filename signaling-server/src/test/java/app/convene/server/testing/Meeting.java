package app.convene.server.testing;

import app.convene.protocol.api.EventRequest;
import app.convene.protocol.api.Recurrence;
import app.convene.protocol.api.ScheduleRequest;
import app.convene.protocol.api.ServiceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds {@link EventRequest}s for tests: a 30-minute native meeting in Europe/Berlin without
 * attendees, changed step by step, e.g. {@code Meeting.titled("Standup").at(t).weekly(1, 3)}.
 */
public final class Meeting {
  private String title;
  private String description;
  private Instant start = DatabaseServer.START.plus(Duration.ofHours(1));
  private Duration length = Duration.ofMinutes(30);
  private String timeZone = "Europe/Berlin";
  private List<String> attendees = List.of();
  private ServiceKind service = ServiceKind.NATIVE;
  private Recurrence recurrence;

  private Meeting(String title) {
    this.title = title;
  }

  public static Meeting titled(String title) {
    return new Meeting(title);
  }

  public Meeting at(Instant start) {
    this.start = start;
    return this;
  }

  public Meeting lasting(Duration length) {
    this.length = length;
    return this;
  }

  public Meeting in(String timeZone) {
    this.timeZone = timeZone;
    return this;
  }

  public Meeting inviting(String... emails) {
    this.attendees = List.of(emails);
    return this;
  }

  public Meeting describedAs(String description) {
    this.description = description;
    return this;
  }

  public Meeting on(ServiceKind service) {
    this.service = service;
    return this;
  }

  public Meeting daily(int interval, Integer count) {
    recurrence = new Recurrence(Recurrence.Frequency.DAILY, interval, null, count);
    return this;
  }

  public Meeting weekly(int interval, Integer count) {
    recurrence = new Recurrence(Recurrence.Frequency.WEEKLY, interval, null, count);
    return this;
  }

  public Meeting weeklyUntil(int interval, LocalDate until) {
    recurrence = new Recurrence(Recurrence.Frequency.WEEKLY, interval, until, null);
    return this;
  }

  public Meeting repeating(Recurrence recurrence) {
    this.recurrence = recurrence;
    return this;
  }

  public EventRequest request() {
    return new EventRequest(title, description, start, start.plus(length), timeZone, attendees,
        service, recurrence);
  }

  /** A schedule request for this meeting; {@code maxUsers} null for the default. */
  public ScheduleRequest schedule(Integer maxUsers) {
    return new ScheduleRequest(request(), maxUsers);
  }
}

package app.convene.client.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * A reminder that is due: "{@code title} starts at {@code meetingStart}".
 *
 * @param meetingKey the meeting occurrence it is about (see {@link ReminderEngine.Meeting#key()})
 * @param lead how long before the start it was meant for; zero for "starting now"
 */
public record Reminder(String meetingKey, String title, Instant meetingStart, Duration lead) {}

package app.convene.server.jobs;

import app.convene.server.SettingChecks;
import java.time.Duration;

/**
 * When the background jobs run: the idle-room job and the "starts in N minutes" reminders.
 *
 * @param roomIdleTimeout how long a room without participants stays active after its last use
 * @param roomIdleCheckInterval how often the idle-room job runs
 * @param reminderLead how long before a meeting starts its connected users get a "starts in N
 *     minutes" notice; zero for none
 */
public record JobSettings(Duration roomIdleTimeout, Duration roomIdleCheckInterval,
    Duration reminderLead) {
  /** Rooms deactivated after 24 h without use, checked every hour; reminders 5 minutes ahead. */
  public static final JobSettings DEFAULT =
      new JobSettings(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(5));

  public JobSettings {
    SettingChecks.positive("roomIdleTimeout", roomIdleTimeout);
    SettingChecks.positive("roomIdleCheckInterval", roomIdleCheckInterval);
    SettingChecks.notNegative("reminderLead", reminderLead);
  }
}

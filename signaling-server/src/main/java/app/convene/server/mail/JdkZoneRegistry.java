package app.convene.server.mail;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;

/**
 * A TZID is the JDK's zone of that id, nothing else. Given to the DTSTART and DTEND properties,
 * so that ical4j, when it writes one with a TZID, does not load its own bundled definition of the
 * zone (stale: Moscow at 2011's +04:00; built by expanding rules from 1916 on, tens of
 * milliseconds a zone; and its registry may try to fetch definitions from tzurl.org). The local
 * times are the JDK's already ({@link InviteCalendar}), so the zone only has to be resolvable.
 *
 * <p>Immutable; any thread.
 */
final class JdkZoneRegistry implements TimeZoneRegistry {
  static final JdkZoneRegistry INSTANCE = new JdkZoneRegistry();

  /** Not empty, which is how ical4j decides to ask {@link #getZoneId} at all. */
  private static final Map<String, ZoneRules> RULES = Map.of("UTC", ZoneId.of("UTC").getRules());

  private JdkZoneRegistry() {}

  @Override
  public ZoneId getZoneId(String tzId) {
    return ZoneId.of(tzId);
  }

  @Override
  public String getTzId(String zoneId) {
    return zoneId;
  }

  @Override
  public Map<String, ZoneRules> getZoneRules() {
    return RULES;
  }

  /** No ical4j time zones: the VTIMEZONE is {@link ZoneDefinition}'s. */
  @Override
  public TimeZone getTimeZone(String id) {
    return null;
  }

  @Override
  public void register(TimeZone timezone) {
    throw new UnsupportedOperationException("the JDK's zones only");
  }

  @Override
  public void register(TimeZone timezone, boolean update) {
    throw new UnsupportedOperationException("the JDK's zones only");
  }

  @Override
  public void clear() {
    // nothing registered
  }
}

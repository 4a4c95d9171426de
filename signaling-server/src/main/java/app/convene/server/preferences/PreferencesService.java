package app.convene.server.preferences;

import app.convene.protocol.api.Preferences;
import app.convene.protocol.api.ServiceKind;
import app.convene.server.http.ApiException;
import app.convene.server.http.Caller;
import app.convene.server.http.InputRules;
import app.convene.server.http.Json;
import app.convene.server.store.Database;
import app.convene.server.store.StoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A user's preferences ({@code user_preferences}): the preferred service and up to {@value
 * #MAX_SETTINGS} further string settings, stored as a JSON object. A user who never saved any has
 * the defaults: NATIVE and no settings. Thread-safe; blocks on the database.
 */
public final class PreferencesService {
  static final int MAX_SETTINGS = 50;
  static final int MAX_KEY = 64;
  static final int MAX_VALUE = 1000;
  private static final Preferences DEFAULTS = new Preferences(ServiceKind.NATIVE, Map.of());
  private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

  private final Database database;
  private final Clock clock;

  public PreferencesService(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** {@code GET /api/preferences}. */
  public Preferences get(Caller caller) {
    return database.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT preferred_service, settings FROM user_preferences WHERE user_id = ?")) {
        s.setObject(1, caller.id());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return DEFAULTS;
          }
          return new Preferences(ServiceKind.valueOf(r.getString(1)), settings(r.getString(2)));
        }
      }
    });
  }

  /** {@code PUT /api/preferences}: replaces them; returns what is stored now. */
  public Preferences put(Caller caller, Preferences given) {
    Preferences checked = check(given);
    String settings = Json.write(checked.settings());
    try {
      database.inTransaction(c -> save(c, caller, checked, settings));
    } catch (StoreException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
      database.inTransaction(c -> save(c, caller, checked, settings)); // a concurrent first save
    }
    return checked;
  }

  private Void save(Connection c, Caller caller, Preferences p, String settings)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE user_preferences SET preferred_service = ?, settings = ?, updated_at = ?"
            + " WHERE user_id = ?")) {
      s.setString(1, p.preferredService().name());
      s.setString(2, settings);
      s.setLong(3, clock.millis());
      s.setObject(4, caller.id());
      if (s.executeUpdate() > 0) {
        return null;
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO user_preferences (user_id, preferred_service, settings, updated_at)"
            + " VALUES (?, ?, ?, ?)")) {
      s.setObject(1, caller.id());
      s.setString(2, p.preferredService().name());
      s.setString(3, settings);
      s.setLong(4, clock.millis());
      s.executeUpdate();
    }
    return null;
  }

  private static Preferences check(Preferences given) {
    if (given == null || given.preferredService() == null) {
      throw ApiException.invalid("'preferredService' is required: NATIVE or GOOGLE_MEET");
    }
    Map<String, String> settings = given.settings() == null ? Map.of() : given.settings();
    if (settings.size() > MAX_SETTINGS) {
      throw ApiException.invalid("'settings' has " + settings.size() + " entries; at most "
          + MAX_SETTINGS + " are allowed");
    }
    Map<String, String> checked = new TreeMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String key = InputRules.line(e.getKey(), "settings key", MAX_KEY);
      if (e.getValue() == null) {
        throw ApiException.invalid("'settings." + key + "' is null; use a string");
      }
      String value = InputRules.multiline(e.getValue(), "settings." + key, MAX_VALUE);
      checked.put(key, value == null ? "" : value);
    }
    return new Preferences(given.preferredService(), checked);
  }

  private static Map<String, String> settings(String json) {
    try {
      return new LinkedHashMap<>(Json.mapper().readValue(json, SETTINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored settings are not a JSON object of strings", e);
    }
  }
}

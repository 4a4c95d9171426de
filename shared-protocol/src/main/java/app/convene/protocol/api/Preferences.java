package app.convene.protocol.api;

import java.util.Map;

/**
 * {@code GET/PUT /api/preferences}: the user's settings kept on the server.
 *
 * @param preferredService the service the scheduling dialog selects first
 * @param settings further per-service settings, string to string
 */
public record Preferences(ServiceKind preferredService, Map<String, String> settings) {}

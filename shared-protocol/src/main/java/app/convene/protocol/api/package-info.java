/**
 * The REST payloads of the Convene server ({@code docs/api.md}): JSON records shared by the server
 * and the desktop client. Times are ISO-8601 instants in UTC; time zones are IANA ids.
 */
package app.convene.protocol.api;

/**
 * Google Meet mode without UI: sign-in with Google (OAuth for installed apps, loopback redirect,
 * PKCE), Google Calendar sync with a local cache, Meet meetings, meeting-link detection and the
 * browser opener. Nothing here touches JavaFX; every blocking method says so and must be called off
 * the FX thread. See docs/google.md.
 */
package app.convene.client.google;

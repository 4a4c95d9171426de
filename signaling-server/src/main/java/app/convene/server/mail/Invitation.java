package app.convene.server.mail;

/**
 * What one {@link Delivery} says, the same to each of its recipients.
 *
 * @param subject one line, no control characters
 * @param text the plain-text body
 * @param calendar the iCalendar object, CRLF line ends
 * @param method the iTIP method of the calendar object, REQUEST or CANCEL
 */
record Invitation(String subject, String text, String calendar, String method) {}

package app.convene.protocol;

/** Client to server: leave the current room; the socket stays open for another join. */
public record Leave() implements SignalMessage {}

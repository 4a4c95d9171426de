package app.convene.client.call.ui;

import app.convene.client.api.ApiClient;
import app.convene.client.api.ApiException;
import app.convene.client.google.ui.GoogleModel;
import app.convene.client.call.HostControls;
import app.convene.client.call.InviteLink;
import app.convene.client.call.JoinBreakdown;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.TokenSource;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.MediaOptions;
import app.convene.client.media.OsFamily;
import app.convene.protocol.api.OccurrenceView;
import app.convene.protocol.api.RoomView;
import app.convene.protocol.api.UserView;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's native calls: joins a room (a ticket from the server, the call, its window), brings a
 * call the app is in already to the front instead of joining twice, and hangs them all up. Owns
 * the one {@link MediaEngine}, started at the first call.
 *
 * <p>Threads: every method on the FX thread; the ticket, the host check and the engine's start
 * run on {@code io}.
 */
public final class Calls {
  private static final Logger log = LoggerFactory.getLogger(Calls.class);
  /** After the calendar's first frame, the embedded server's start and Google's first sync. */
  private static final Duration PRELOAD_DELAY = Duration.ofSeconds(3);

  private final Stage owner;
  private final MediaOptions mediaOptions;
  private final Executor io;
  private final Executor fx;
  private final OsFamily os;
  private final Consumer<Throwable> onError;
  private final List<CallModel> calls = new ArrayList<>();
  /** The open call windows by room id, and the rooms being joined. */
  private final Map<String, CallWindow> windows = new HashMap<>();
  private final Set<String> joining = new HashSet<>();
  private Runnable onLastClosed = () -> {};
  private MediaEngine media; // guarded by this

  /**
   * @param owner the main window, which the call windows belong to
   * @param onError shows a join that failed to the user
   */
  public Calls(Stage owner, MediaOptions mediaOptions, Executor io, Executor fx, OsFamily os,
      Consumer<Throwable> onError) {
    this.owner = Objects.requireNonNull(owner, "owner == null");
    this.mediaOptions = Objects.requireNonNull(mediaOptions, "mediaOptions == null");
    this.io = Objects.requireNonNull(io, "io == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.os = Objects.requireNonNull(os, "os == null");
    this.onError = Objects.requireNonNull(onError, "onError == null");
  }

  /** Runs when the last call window has closed. */
  public void onLastClosed(Runnable action) {
    onLastClosed = Objects.requireNonNull(action, "action == null");
  }

  /** Whether the app is in the call of this room, or joining it. */
  public boolean inCallOf(String roomId) {
    return windows.containsKey(roomId) || joining.contains(roomId);
  }

  /** Whether a call window is open. */
  public boolean any() {
    return !windows.isEmpty() || !joining.isEmpty();
  }

  /**
   * Joins the room's call; when this app is in that call already, or joining it, brings that call
   * to the front instead of opening a second one (you would see yourself twice).
   *
   * @param google the signed-in user's Google model, for "move to Google Meet"; may be null
   * @param occurrence the meeting joined, or null for a pasted link
   */
  public void join(ApiClient api, UserView user, String title, InviteLink link,
      OccurrenceView occurrence, GoogleModel google) {
    String roomId = link.roomId();
    CallWindow open = windows.get(roomId);
    if (open != null) {
      open.stage().setIconified(false);
      open.stage().toFront();
      open.stage().requestFocus();
      return;
    }
    if (!joining.add(roomId)) {
      return;
    }
    URI signaling = JoinTicket.signalingUri(api.serverUri());
    JoinBreakdown breakdown = new JoinBreakdown(System.nanoTime());
    // The ticket (a token, maybe refreshed) and the media engine's start block: the I/O pool, both
    // at once. The call's view-model is made on the FX thread, which it belongs to; its connect
    // returns at once and completes on the FX thread. The window opens once we are in the room;
    // whether we host it (a request again) is asked afterwards, off the way to the first frame.
    CompletableFuture<JoinTicket> ticket = CompletableFuture.supplyAsync(() -> {
      try {
        JoinTicket made = new JoinTicket(signaling, api.accessToken(), link.roomId(),
            link.invite(), user.displayName(), api.trust());
        breakdown.mark("ticket", System.nanoTime());
        return made;
      } catch (ApiException e) {
        throw new CompletionException(e);
      }
    }, io);
    CompletableFuture<MediaEngine> engine = CompletableFuture.supplyAsync(() -> {
      MediaEngine started = media();
      breakdown.mark("media_engine", System.nanoTime());
      return started;
    }, io);
    ticket.thenCombine(engine, Map::entry).thenComposeAsync(prepared -> {
      CallModel call = new CallModel(title, user.displayName(), prepared.getValue(), io, fx, os);
      call.measureJoin(breakdown);
      MeetMove.offer(call, google, api, user, occurrence, io);
      return call.connect(prepared.getKey(), TokenSource.of(api)).thenApply(v -> call);
    }, fx).whenCompleteAsync((call, e) -> {
      joining.remove(roomId);
      if (e != null) {
        onError.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        if (!any()) {
          onLastClosed.run();
        }
      } else {
        open(call, roomId);
        breakdown.mark("window_shown", System.nanoTime());
        CompletableFuture.supplyAsync(() -> hostedRoom(api, link.roomId()), io)
            .thenAcceptAsync(hosted -> hosted.ifPresent(
                room -> call.host().hostWith(new HostControls(api, room.id(), io), room)), fx);
      }
    }, fx);
  }

  /** The room when we host it (only the host sees its invite token); blocks on the network. */
  private static Optional<RoomView> hostedRoom(ApiClient api, String roomId) {
    try {
      RoomView room = api.room(roomId);
      return Optional.ofNullable(room.inviteToken()).map(token -> room);
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  private void open(CallModel call, String roomId) {
    calls.add(call);
    CallWindow window = new CallWindow(call);
    windows.put(roomId, window);
    window.stage().initOwner(owner);
    window.stage().setOnHidden(e -> {
      call.hangUp();
      calls.remove(call);
      windows.remove(roomId, window);
      if (!any()) {
        onLastClosed.run();
      }
    });
    window.show();
  }

  /** Hangs up every call, without waiting. */
  public void hangUpAll() {
    List.copyOf(calls).forEach(CallModel::hangUp);
  }

  /** Hangs up every call and waits for it, then stops the media engine; the app is ending. */
  public void close() {
    List.copyOf(calls).forEach(call -> call.hangUp().join());
    synchronized (this) {
      if (media != null) {
        media.close();
        media = null;
      }
    }
  }

  /**
   * Loads WebRTC's native library a few seconds from now, on the I/O pool, so that the first join
   * does not wait for it (some 0.4 s: webrtc-java copies its 20 MB library out of its jar and
   * links it). Nothing else starts: no camera, no microphone, no threads of WebRTC's.
   */
  public void preload() {
    CompletableFuture.runAsync(() -> {
      try {
        MediaEngine.preload();
      } catch (RuntimeException | Error e) {
        // The join will meet it again, and say so.
        log.info("WebRTC's native library could not be loaded ahead: {}", e.getMessage());
      }
    }, CompletableFuture.delayedExecutor(PRELOAD_DELAY.toMillis(), TimeUnit.MILLISECONDS, io));
  }

  /** The app's one media engine, started on first use; called on the I/O pool. */
  private synchronized MediaEngine media() {
    if (media == null) {
      media = new MediaEngine(mediaOptions);
    }
    return media;
  }
}

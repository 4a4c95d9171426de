package app.convene.client.call.ui;

import app.convene.client.call.CallEnd;
import app.convene.client.call.CallSession;
import app.convene.client.call.CallState;
import app.convene.client.call.JoinBreakdown;
import app.convene.client.call.JoinTicket;
import app.convene.client.call.LocalMedia;
import app.convene.client.call.Reconnect;
import app.convene.client.call.StatusLine;
import app.convene.client.call.TokenSource;
import app.convene.client.i18n.Failures;
import app.convene.client.i18n.Messages;
import app.convene.client.media.MediaEngine;
import app.convene.client.media.OsFamily;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call window's view-model: it mirrors a {@link CallSession} into read-only properties and
 * offers commands. The session decides (state, reconnection, figures, why the call ended); this
 * class only shows it. Properties and commands are for the FX thread; the session's events arrive
 * on the call thread and {@link CallEvents} hands them over through the {@code fx} executor. A
 * command given after the call ended does nothing.
 */
public final class CallModel {
  private static final Logger log = LoggerFactory.getLogger(CallModel.class);

  private final String room;
  private final MediaEngine media;
  private final Executor io;
  private final Executor fx;
  private final boolean screenSharing;
  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
  private final ObservableList<TileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);
  private final TileModel self;
  private final VideoClock clock;
  private final ReadOnlyBooleanWrapper microphoneOn = new ReadOnlyBooleanWrapper(this, "microphoneOn", true);
  private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn", true);
  private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(this, "sharing");
  private final ReadOnlyObjectWrapper<CallState> state =
      new ReadOnlyObjectWrapper<>(this, "state", CallState.CONNECTING);
  private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
  private final ReadOnlyBooleanWrapper reconnecting = new ReadOnlyBooleanWrapper(this, "reconnecting");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper cameraName = new ReadOnlyStringWrapper(this, "cameraName", "");
  private final HostModel host;
  private final DeviceLists devices = new DeviceLists();
  private final CallFallback fallback = new CallFallback(status);
  private CallSession session;
  private LocalMedia local;
  private CallEnd end;
  private volatile JoinBreakdown breakdown = new JoinBreakdown(System.nanoTime());
  private boolean painted;
  private boolean onScreen = true;

  /**
   * @param room what the window calls the room, e.g. the meeting's title
   * @param io where the call is closed (it waits for the peer connections to close)
   * @param fx runs tasks on the FX thread ({@code Platform::runLater})
   * @param os the system the app runs on: screen sharing is offered where it works
   */
  public CallModel(String room, String name, MediaEngine media, Executor io, Executor fx,
      OsFamily os) {
    this.room = Objects.requireNonNull(room, "room == null");
    this.io = Objects.requireNonNull(io, "io == null");
    this.screenSharing = Objects.requireNonNull(os, "os == null").screenSharing();
    this.media = Objects.requireNonNull(media, "media == null");
    this.fx = Objects.requireNonNull(fx, "fx == null");
    this.host = new HostModel(fx, status::set);
    self = new TileModel("self", name + " (" + Messages.get("call.you") + ")", true);
    this.clock = new VideoClock(fx);
    self.renderer = new VideoRenderer(clock, self.imageProperty()::set, () -> { });
    self.shown = () -> shownChanged(self);
    drawIfShown(self);
    tiles.add(self);
    showStatus();
  }

  /** Joins the room; the future completes on the FX thread once the server admitted us. */
  public CompletableFuture<Void> connect(JoinTicket ticket) {
    return connect(ticket, ticket::accessToken);
  }

  /**
   * Like {@link #connect(JoinTicket)}; when the signaling connection drops, the call reconnects
   * with a fresh access token from {@code tokens} (e.g. {@code ApiClient::accessToken}).
   */
  public CompletableFuture<Void> connect(JoinTicket ticket, TokenSource tokens) {
    return CallSession.join(ticket, media, new CallEvents(this, fx), Reconnect.withTokens(tokens))
        .exceptionally(e -> {
          throw JoinRefusals.forUser(e);
        })
        .thenAcceptAsync(joined -> {
          session = joined;
          tiles.forEach(this::tellView); // tiles laid out before the session was ours
          local = new LocalMedia(joined, media, self.renderer);
          local.startPreview().thenAcceptAsync(camera -> cameraName.set(
              camera == null ? Messages.get("call.testPattern") : camera), fx);
          devices.load(fx);
        }, fx);
  }

  /**
   * FX thread, before {@link #connect}: where this join's time goes, measured from the moment the
   * user asked to join (by default, from when this model was made).
   */
  public void measureJoin(JoinBreakdown breakdown) {
    this.breakdown = Objects.requireNonNull(breakdown, "breakdown == null");
  }

  /** Any thread: this join's breakdown so far; see {@link #measureJoin}. */
  public JoinBreakdown breakdown() {
    return breakdown;
  }

  /** FX thread: a participant's first frame is on screen; the first time, logs the breakdown. */
  void firstPaint() {
    breakdown.mark("first_paint", System.nanoTime());
    if (!painted) {
      painted = true;
      log.info("join breakdown: {}", breakdown.describe());
    }
  }

  /**
   * FX thread: whether the call's window can be seen. While it cannot (minimised, hidden), no
   * tile draws its frames: converting and copying them is most of what a call costs the app
   * beyond the media itself. The peers hear it too, and stop sending video here until it can.
   */
  public void setOnScreen(boolean onScreen) {
    this.onScreen = onScreen;
    tiles.forEach(this::shownChanged);
  }

  /** FX thread: the tile's size or the window's state changed: draw or not, and tell the peer. */
  void shownChanged(TileModel tile) {
    drawIfShown(tile);
    tellView(tile);
  }

  /** Whether the tile can be seen: the window on screen and the tile laid out. */
  private boolean seen(TileModel tile) {
    return onScreen && tile.shownWidth() >= 1 && tile.shownHeight() >= 1;
  }

  /**
   * FX thread: the tile draws its frames only while the window can be seen and the tile has its
   * size. Our camera's frames come before the call window is laid out: drawn then, each at the
   * camera's size, they left a converted copy, a pixel buffer and a texture of 640×360 that
   * nobody saw, until a full collection (2.7 MiB of a call; docs/benchmarks.md, "Memory: the last
   * 15 MiB").
   */
  void drawIfShown(TileModel tile) {
    tile.renderer.setPaused(!seen(tile));
  }

  /**
   * FX thread: tells the tile's peer how large its video is shown here (the tile, in device
   * pixels), or that it is not shown while the window cannot be seen; the peer then sends no more
   * than that ({@link CallSession#showPeerAt}).
   */
  private void tellView(TileModel tile) {
    CallSession current = session;
    if (tile.isLocal() || current == null) {
      return;
    }
    boolean seen = seen(tile);
    current.showPeerAt(tile.getPeerId(), seen ? (int) Math.ceil(tile.shownWidth()) : 0,
        seen ? (int) Math.ceil(tile.shownHeight()) : 0);
  }

  /** FX thread: see {@link #setOnScreen}. */
  public boolean onScreen() {
    return onScreen;
  }

  public String room() {
    return room;
  }

  /** "Move this meeting to Google Meet", offered once the call cannot connect. */
  public CallFallback fallback() {
    return fallback;
  }

  /** The host's controls and the room's invite link, once we know we host the room. */
  public HostModel host() {
    return host;
  }

  public DeviceLists devices() {
    return devices;
  }

  /** One tile per participant, ours first. */
  public ObservableList<TileModel> tiles() {
    return tilesView;
  }

  public ReadOnlyBooleanProperty microphoneOnProperty() {
    return microphoneOn.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty cameraOnProperty() {
    return cameraOn.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty sharingProperty() {
    return sharing.getReadOnlyProperty();
  }

  /** The session's {@link CallState}, as it last told us. */
  public ReadOnlyObjectProperty<CallState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty endedProperty() {
    return ended.getReadOnlyProperty();
  }

  /** True while the signaling connection is down and the call reconnects; media goes on. */
  public ReadOnlyBooleanProperty reconnectingProperty() {
    return reconnecting.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** What the camera choice shows: a device name or the test pattern. */
  public ReadOnlyStringProperty cameraNameProperty() {
    return cameraName.getReadOnlyProperty();
  }

  /** Whether the screen can be shared on this system; see {@link OsFamily#screenSharing()}. */
  public boolean screenSharingAvailable() {
    return screenSharing;
  }

  /** Why the screen cannot be shared here, for the user; empty where it can. */
  public String screenSharingNote() {
    return screenSharing ? "" : Messages.get("call.shareUnavailableMac");
  }

  public void setMicrophoneOn(boolean on) {
    if (live()) {
      microphoneOn.set(on);
      report(local.setMicrophoneOn(on), "call.deviceFailed");
    }
  }

  public void toggleMicrophone() {
    setMicrophoneOn(!microphoneOn.get());
  }

  public void setCameraOn(boolean on) {
    if (live()) {
      cameraOn.set(on);
      self.videoOffProperty().set(!on);
      report(local.setCameraOn(on), "call.deviceFailed");
    }
  }

  public void toggleCamera() {
    setCameraOn(!cameraOn.get());
  }

  /** Shares the screen instead of the camera, or stops; where it cannot, says why. */
  public void setSharing(boolean on) {
    if (!screenSharing) {
      status.set(screenSharingNote());
    } else if (live()) {
      report(local.setSharing(on), "call.shareFailed").thenRun(() -> sharing.set(on));
    }
  }

  public void toggleScreenShare() {
    setSharing(!sharing.get());
  }

  public void useCamera(VideoDevice device) {
    if (live()) {
      report(local.useCamera(device), "call.deviceFailed");
    }
  }

  public void useMicrophone(AudioDevice device) {
    if (live()) {
      report(local.useMicrophone(device), "call.deviceFailed");
    }
  }

  public void useSpeaker(AudioDevice device) {
    if (live()) {
      report(local.useSpeaker(device), "call.deviceFailed");
    }
  }

  /** The view copied the invite link: the status says so. */
  public void inviteCopied() {
    status.set(Messages.get("call.inviteCopied"));
  }

  /** What shows the tiles' video together ({@link VideoRenderer}). */
  VideoClock clock() {
    return clock;
  }

  /** Leaves the call; the session closes off the FX thread. */
  public CompletableFuture<Void> hangUp() {
    tiles.forEach(tile -> tile.renderer.stop());
    clock.close();
    CallSession current = session;
    return current == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(current::close, io);
  }

  /** Whether a command may act: the call is joined and not over. */
  private boolean live() {
    return session != null && !ended.get();
  }

  /**
   * Back on the FX thread: completes when {@code work} did, or puts its failure in the status
   * ({@code key} with the reason) unless the call has ended meanwhile, and then never completes.
   */
  private CompletableFuture<Void> report(CompletableFuture<?> work, String key) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    work.whenCompleteAsync((v, e) -> {
      if (e == null) {
        done.complete(null);
      } else if (!ended.get()) {
        status.set(Messages.format(key, Failures.rootMessage(e)));
      }
    }, fx);
    return done;
  }

  // What CallEvents changes, on the FX thread.

  ObservableList<TileModel> editableTiles() {
    return tiles;
  }

  CallSession session() {
    return session;
  }

  void setStatus(String text) {
    status.set(text);
  }

  /** The status of the call's state and size, or why it ended ({@link StatusLine}). */
  void showStatus() {
    status.set(text(StatusLine.of(state.get(), tiles.size(), room, end)));
  }

  void stateChanged(CallState next, CallEnd why) {
    end = why;
    state.set(next);
    reconnecting.set(next == CallState.RECONNECTING);
    if (next == CallState.ENDED) {
      ended.set(true);
      clock.close(); // no more frames to show
      host.callEnded();
      showStatus();
    }
  }

  /** {@code line} in the user's language (a line without arguments is not a pattern). */
  static String text(StatusLine line) {
    return line.args().isEmpty()
        ? Messages.get(line.key()) : Messages.format(line.key(), line.args().toArray());
  }
}

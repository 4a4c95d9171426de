package app.convene.client.call.ui;

import app.convene.client.ui.Stylesheet;
import app.convene.client.i18n.Messages;
import dev.onvoid.webrtc.media.Device;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The call window: a tile per participant and the call controls. It binds to the read-only
 * properties of its {@link CallModel} and calls the model's commands; it never writes the model.
 */
public final class CallWindow {
  private final Stage stage = new Stage();
  private final CallModel model;

  public CallWindow(CallModel model) {
    this.model = model;
    FlowPane grid = new FlowPane(8, 8);
    grid.setId("tiles");
    grid.setAlignment(Pos.CENTER);
    grid.setPadding(new Insets(12));
    grid.getStyleClass().add("tiles");
    model.tiles().forEach(tile -> grid.getChildren().add(new VideoTile(tile)));
    model.tiles().addListener((ListChangeListener<TileModel>) change -> {
      while (change.next()) {
        change.getRemoved().forEach(tile -> grid.getChildren().removeIf(
            node -> node.getId().equals("tile-" + tile.getPeerId())));
        change.getAddedSubList().forEach(tile -> grid.getChildren().add(new VideoTile(tile)));
      }
    });

    Label status = new Label();
    status.setId("call-status");
    status.getStyleClass().add("call-status");
    status.textProperty().bind(model.statusProperty());

    Label reconnecting = new Label(Messages.get("call.reconnecting"));
    reconnecting.setId("reconnecting");
    reconnecting.getStyleClass().add("reconnecting-banner");
    reconnecting.setMaxWidth(Double.MAX_VALUE);
    reconnecting.visibleProperty().bind(model.reconnectingProperty());
    reconnecting.managedProperty().bind(reconnecting.visibleProperty());

    VBox top = new VBox(6, reconnecting, status);
    BorderPane root = new BorderPane(grid);
    root.getStyleClass().add("call-window");
    root.setTop(top);
    BorderPane.setMargin(top, new Insets(8, 12, 0, 12));
    root.setBottom(controls());

    Scene scene = new Scene(root, 1040, 680);
    scene.getStylesheets().add(Stylesheet.url());
    stage.setScene(scene);
    stage.setTitle(Messages.format("call.title", model.room()));
    stage.setOnCloseRequest(e -> model.hangUp());
    // Frames are drawn only while someone can see them.
    stage.iconifiedProperty().addListener((o, was, iconified) -> model.setOnScreen(onScreen()));
    stage.showingProperty().addListener((o, was, showing) -> model.setOnScreen(onScreen()));
    stage.getProperties().put(CallModel.class, model);
  }

  private boolean onScreen() {
    return stage.isShowing() && !stage.isIconified();
  }

  public Stage stage() {
    return stage;
  }

  public void show() {
    stage.show();
  }

  private HBox controls() {
    ToggleButton mic = new ToggleButton();
    mic.setId("mute");
    mic.selectedProperty().bind(model.microphoneOnProperty().not());
    mic.textProperty().bind(Bindings.when(model.microphoneOnProperty())
        .then(Messages.get("call.mute")).otherwise(Messages.get("call.unmute")));
    mic.setOnAction(e -> model.toggleMicrophone());

    ToggleButton camera = new ToggleButton();
    camera.setId("camera");
    camera.selectedProperty().bind(model.cameraOnProperty().not());
    camera.textProperty().bind(Bindings.when(model.cameraOnProperty())
        .then(Messages.get("call.cameraOff")).otherwise(Messages.get("call.cameraOn")));
    camera.setOnAction(e -> model.toggleCamera());

    ToggleButton share = new ToggleButton();
    share.setId("share");
    share.selectedProperty().bind(model.sharingProperty());
    share.textProperty().bind(Bindings.when(model.sharingProperty())
        .then(Messages.get("call.stopShare")).otherwise(Messages.get("call.share")));
    share.setOnAction(e -> model.toggleScreenShare());
    Node shareControl = share;
    if (!model.screenSharingAvailable()) {
      // A disabled control shows no tooltip of its own, so the note sits on a wrapper.
      share.setDisable(true);
      Label wrapper = new Label(null, share);
      wrapper.setId("share-unavailable");
      Tooltip note = new Tooltip(model.screenSharingNote());
      note.setWrapText(true);
      note.setMaxWidth(340);
      note.setShowDelay(javafx.util.Duration.millis(150));
      wrapper.setTooltip(note);
      wrapper.setAccessibleHelp(model.screenSharingNote());
      shareControl = wrapper;
    }

    ComboBox<Device> cameras = devices("camera-choice", Messages.get("call.camera"));
    cameras.promptTextProperty().bind(model.cameraNameProperty());
    Bindings.bindContent(cameras.getItems(), model.devices().cameras());
    cameras.setOnAction(e -> {
      if (cameras.getValue() instanceof dev.onvoid.webrtc.media.video.VideoDevice device) {
        model.useCamera(device);
      }
    });
    ComboBox<Device> microphones = devices("microphone-choice", Messages.get("call.microphone"));
    Bindings.bindContent(microphones.getItems(), model.devices().microphones());
    microphones.promptTextProperty().bind(Bindings.when(Bindings.isEmpty(model.devices().microphones()))
        .then(Messages.get("call.noDevice")).otherwise(Messages.get("call.microphone")));
    microphones.setOnAction(e -> {
      if (microphones.getValue() instanceof dev.onvoid.webrtc.media.audio.AudioDevice device) {
        model.useMicrophone(device);
      }
    });
    ComboBox<Device> speakers = devices("speaker-choice", Messages.get("call.speaker"));
    Bindings.bindContent(speakers.getItems(), model.devices().speakers());
    speakers.promptTextProperty().bind(Bindings.when(Bindings.isEmpty(model.devices().speakers()))
        .then(Messages.get("call.noDevice")).otherwise(Messages.get("call.speaker")));
    speakers.setOnAction(e -> {
      if (speakers.getValue() instanceof dev.onvoid.webrtc.media.audio.AudioDevice device) {
        model.useSpeaker(device);
      }
    });

    Button hangUp = new Button(Messages.get("call.hangUp"));
    hangUp.setId("hang-up");
    hangUp.getStyleClass().add("hang-up");
    hangUp.setOnAction(e -> {
      model.hangUp();
      stage.close();
    });

    Button moveToMeet = new Button(Messages.get("call.moveToMeet"));
    moveToMeet.setId("move-to-meet");
    moveToMeet.getStyleClass().add("accent");
    moveToMeet.visibleProperty().bind(model.fallback().offeredProperty());
    moveToMeet.managedProperty().bind(moveToMeet.visibleProperty());
    moveToMeet.disableProperty().bind(model.fallback().movingProperty());
    moveToMeet.setOnAction(e -> model.fallback().moveToMeet());

    MenuButton hostMenu = hostMenu();

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, mic, camera, shareControl, hostMenu, moveToMeet, spacer,
        labelled(Messages.get("call.camera"), cameras),
        labelled(Messages.get("call.microphone"), microphones),
        labelled(Messages.get("call.speaker"), speakers), hangUp);
    // The buttons keep their whole label ("Выключить микрофон" is long); the device boxes give
    // way first when the window is narrow.
    for (javafx.scene.control.ButtonBase button
        : List.of(mic, camera, share, hostMenu, moveToMeet, hangUp)) {
      button.setMinWidth(Region.USE_PREF_SIZE);
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(10, 12, 12, 12));
    bar.getStyleClass().add("call-controls");
    return bar;
  }

  /**
   * The host's controls, shown while we host the call (only the host has the invite link): copy
   * the invite link, lock, a new invite link, remove a participant (one item per participant),
   * end for everyone. It opens upwards, inside the window.
   */
  private MenuButton hostMenu() {
    HostModel host = model.host();
    MenuItem invite = new MenuItem(Messages.get("call.copyInvite"));
    invite.setId("copy-invite");
    invite.visibleProperty().bind(host.inviteLinkProperty().isNotEmpty());
    invite.setOnAction(e -> {
      javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
      content.putString(host.inviteLinkProperty().get());
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
      model.inviteCopied();
    });
    MenuItem lock = new MenuItem();
    lock.setId("host-lock");
    lock.textProperty().bind(Bindings.when(host.lockedProperty())
        .then(Messages.get("call.unlock")).otherwise(Messages.get("call.lock")));
    lock.setOnAction(e -> host.toggleLock());
    MenuItem renew = new MenuItem(Messages.get("call.renewInvite"));
    renew.setId("host-renew-invite");
    renew.setOnAction(e -> host.renewInvite());
    MenuItem end = new MenuItem(Messages.get("call.endForAll"));
    end.setId("host-end");
    end.setOnAction(e -> host.endForEveryone());

    MenuButton menu = new MenuButton(Messages.get("call.hostMenu"));
    menu.setId("host-menu");
    menu.setPopupSide(javafx.geometry.Side.TOP);
    menu.visibleProperty().bind(host.hostProperty());
    menu.managedProperty().bind(menu.visibleProperty());
    // Rebuilt whenever someone comes or goes, never while the menu opens: a popup that changes
    // its height as it shows is placed for its old one.
    Runnable rebuild = () -> {
      List<MenuItem> items = new java.util.ArrayList<>(List.of(invite, lock, renew,
          new SeparatorMenuItem()));
      for (TileModel tile : model.tiles()) {
        if (!tile.isLocal()) {
          MenuItem remove = new MenuItem(Messages.format("call.removeParticipant", tile.getName()));
          remove.setId("host-remove-" + tile.getPeerId());
          remove.setOnAction(a -> host.remove(tile));
          items.add(remove);
        }
      }
      if (items.size() == 4) {
        MenuItem nobody = new MenuItem(Messages.get("call.removeNobody"));
        nobody.setDisable(true);
        items.add(nobody);
      }
      items.add(new SeparatorMenuItem());
      items.add(end);
      menu.getItems().setAll(items);
    };
    model.tiles().addListener((ListChangeListener<TileModel>) change -> rebuild.run());
    rebuild.run();
    return menu;
  }

  private static VBox labelled(String text, ComboBox<Device> box) {
    Label label = new Label(text);
    label.getStyleClass().add("device-label");
    return new VBox(2, label, box);
  }

  private static ComboBox<Device> devices(String id, String prompt) {
    ComboBox<Device> box = new ComboBox<>();
    box.setId(id);
    box.setPrefWidth(150);
    box.setMinWidth(90);
    box.setPromptText(prompt);
    box.setPlaceholder(new Label(Messages.get("call.noDevice")));
    box.setCellFactory(list -> new DeviceCell());
    box.setButtonCell(new DeviceCell());
    return box;
  }

  private static final class DeviceCell extends ListCell<Device> {
    @Override
    protected void updateItem(Device item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.getName());
    }
  }
}

package app.convene.client.ui;

import app.convene.client.i18n.Messages;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;

/**
 * Dialog buttons in the app's language. JavaFX words its own {@link ButtonType#CANCEL} and its
 * details link from its bundled texts, which have no Russian, so a Russian dialog said "Cancel"
 * and "Show Details".
 */
public final class DialogButtons {
  private DialogButtons() {}

  /** Cancel, as the app says it; a dialog closed with it has the cancel result. */
  public static ButtonType cancel() {
    return new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
  }

  /**
   * Folds {@code content} under the dialog's details link, which says "Show details" and "Hide
   * details" in the app's language (JavaFX's own link words are English only; it sets them again
   * each time the dialog opens or folds, so they are kept in step).
   */
  public static void details(Dialog<?> dialog, Node content) {
    DialogPane pane = dialog.getDialogPane();
    pane.setExpandableContent(content);
    dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
      if (pane.lookup(".details-button") instanceof Hyperlink link) {
        Runnable say = () -> {
          String words = Messages.get(pane.isExpanded() ? "dialog.hideDetails" : "dialog.showDetails");
          if (!words.equals(link.getText())) {
            link.setText(words);
          }
        };
        link.textProperty().addListener((o, was, now) -> say.run());
        pane.expandedProperty().addListener((o, was, now) -> say.run());
        say.run();
      }
    });
  }

  /** OK and the app's Cancel on the dialog, for confirmations and text input. */
  public static <T extends Dialog<?>> T okCancel(T dialog) {
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, cancel());
    return dialog;
  }
}

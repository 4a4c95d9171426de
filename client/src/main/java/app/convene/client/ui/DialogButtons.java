package app.convene.client.ui;

import app.convene.client.i18n.Messages;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * Dialog buttons in the app's language. JavaFX words its own {@link ButtonType#CANCEL} from its
 * bundled texts, which have no Russian, so a Russian dialog said "Cancel".
 */
public final class DialogButtons {
  private DialogButtons() {}

  /** Cancel, as the app says it; a dialog closed with it has the cancel result. */
  public static ButtonType cancel() {
    return new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
  }

  /** OK and the app's Cancel on the dialog, for confirmations and text input. */
  public static <T extends Dialog<?>> T okCancel(T dialog) {
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, cancel());
    return dialog;
  }
}

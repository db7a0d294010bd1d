package dev.cantor.ui.shared;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The question the studio asks before it writes over a file that exists (an export, a story's Save as). */
public final class ReplaceQuestion {

    private ReplaceQuestion() {
    }

    /** Asks "{@code what} already exists. Replace it?" over {@code scene}; true only when the musician says OK. */
    public static boolean ask(Scene scene, String what) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, what + " already exists. Replace it?", ButtonType.CANCEL,
                ButtonType.OK);
        ask.setHeaderText("Replace the existing file?");
        ask.initOwner(scene.getWindow());
        ask.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        return ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }
}

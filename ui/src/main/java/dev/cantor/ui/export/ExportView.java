package dev.cantor.ui.export;

import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.ui.shared.FileDialogs;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The export dialog's content: file, sample format and rate, and what will be written. */
public final class ExportView extends GridPane {

    final TextField file = new TextField();
    final ChoiceBox<SampleFormat> format = new ChoiceBox<>();
    final ChoiceBox<Integer> rate = new ChoiceBox<>();

    public ExportView(ExportViewModel vm, Exportable item, Path initial, FileDialogs files) {
        getStyleClass().add("export-pane");
        setHgap(10);
        setVgap(10);
        setPadding(new Insets(16));
        getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(380));
        getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        file.setId("export-file");
        file.setText(initial.toString());
        file.setAccessibleText("File to write");
        Button browse = new Button("Browse…");
        browse.setAccessibleText("Choose where to save");
        browse.setOnAction(e -> {
            Path current = Path.of(file.getText().isBlank() ? initial.toString() : file.getText());
            Path chosen = files.saveWav(getScene() == null ? null : getScene().getWindow(),
                    current.toAbsolutePath().getParent(), current.getFileName().toString());
            if (chosen != null) {
                file.setText(chosen.toString());
            }
        });
        HBox fileRow = new HBox(8, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);

        format.setId("export-format");
        format.getItems().setAll(SampleFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(SampleFormat f) {
                return f == null ? "" : switch (f) {
                    case PCM_16 -> "16-bit PCM (CD, most compatible)";
                    case PCM_24 -> "24-bit PCM (studio)";
                    case FLOAT_32 -> "32-bit float (lossless, no clipping)";
                };
            }

            @Override
            public SampleFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.format());
        format.setAccessibleText("Sample format");
        rate.setId("export-rate");
        rate.getItems().setAll(ExportViewModel.SAMPLE_RATES);
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer r) {
                return r == null ? "" : ExportViewModel.describe(SampleFormat.PCM_16, r).replace("16-bit, ", "")
                        + (r == 32000 ? " (the model's own rate)" : "");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        rate.setValue(vm.sampleRate().get());
        rate.valueProperty().addListener((o, a, b) -> vm.sampleRate().set(b));
        rate.setAccessibleText("Sample rate");

        Label note = new Label(item.exportNote());
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        addRow(0, new Label("File"), fileRow);
        addRow(1, new Label("Format"), format);
        addRow(2, new Label("Sample rate"), rate);
        add(note, 0, 3, 2, 1);
    }

    /** The file typed or chosen (".wav" added when missing), or null when empty. */
    public Path path() {
        String text = file.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        return FileDialogs.withWavExtension(Path.of(text));
    }
}

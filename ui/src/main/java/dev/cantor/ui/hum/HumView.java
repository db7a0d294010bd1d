package dev.cantor.ui.hum;

import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.ui.prompt.PromptViewModel;
import dev.cantor.ui.shared.DragOut;
import dev.cantor.ui.shared.FileDialogs;
import dev.cantor.ui.shared.ReplaceQuestion;
import dev.cantor.ui.shared.PlaybackViewModel;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;

/**
 * The hum recorder tab: microphone choice and level, record / stop, the live pitch contour,
 * import of a WAV instead, playback and trimming of the hum, and "Generate with this melody".
 */
public final class HumView extends VBox {

    final Button record = new Button("\u25CF Record");
    final Button importWav = new Button("Import audio…");
    final Button useMelody = new Button("Generate with this melody");
    final ContourView contour = new ContourView();

    public HumView(HumViewModel vm, PlaybackViewModel playback, PromptViewModel generate, FileDialogs files) {
        getStyleClass().add("hum-panel");
        setSpacing(10);
        setPadding(new Insets(14));

        Label title = new Label("Hum a melody");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Hum or sing a tune, or import a recording; Cantor follows its pitch contour.");
        hint.getStyleClass().add("hint");

        ComboBox<String> devices = new ComboBox<>(vm.deviceNames());
        devices.setId("input-device");
        devices.valueProperty().bindBidirectional(vm.device());
        devices.setPromptText("No microphone");
        devices.setAccessibleText("Microphone");
        Button refresh = new Button("\u21BB");
        refresh.setAccessibleText("Look for microphones again");
        refresh.setOnAction(e -> vm.refreshDevices(vm.device().get()));
        ProgressBar level = new ProgressBar();
        level.setId("level");
        level.getStyleClass().add("level-meter");
        level.progressProperty().bind(vm.level());
        level.setPrefWidth(180);
        level.setAccessibleText("Input level");
        HBox deviceRow = new HBox(8, new Label("Microphone"), devices, refresh, level);
        deviceRow.setAlignment(Pos.CENTER_LEFT);

        record.setId("record");
        record.textProperty().bind(Bindings.when(vm.recording()).then("\u25A0 Stop").otherwise("\u25CF Record"));
        record.getStyleClass().add("record");
        record.disableProperty().bind(Bindings.isEmpty(vm.deviceNames()).and(vm.recording().not()));
        record.setAccessibleText("Record or stop recording a hum");
        record.setOnAction(e -> {
            if (vm.recording().get()) {
                vm.stop();
            } else {
                playback.stop();
                vm.record();
            }
        });
        importWav.setId("import-hum");
        importWav.setAccessibleText("Import an audio file as the melody");
        importWav.setOnAction(e -> {
            Path file = files.openWav(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                vm.importFile(file);
            }
        });
        Button play = new Button();
        play.textProperty().bind(Bindings.when(playback.playing()).then("\u275A\u275A Pause").otherwise("\u25B6 Play hum"));
        play.disableProperty().bind(vm.hum().isNull().or(vm.recording()));
        play.setAccessibleText("Play the hum");
        play.setOnAction(e -> {
            playback.select(Math.round(vm.trimStart().get() * vm.hum().get().sampleRate()),
                    Math.round(vm.trimEnd().get() * vm.hum().get().sampleRate()));
            playback.loop().set(false);
            playback.togglePlay();
        });
        Button exportMidi = new Button("Export MIDI…");
        exportMidi.setId("export-midi");
        exportMidi.setTooltip(new Tooltip("The hummed melody as notes in a standard MIDI file, for a DAW"));
        exportMidi.setAccessibleText("Export the hummed melody as a MIDI file");
        exportMidi.disableProperty().bind(vm.hum().isNull().or(vm.recording()).or(vm.exportingMidi()));
        exportMidi.setOnAction(e -> {
            Path out = files.saveMidi(getScene() == null ? null : getScene().getWindow(), "hum.mid");
            if (out == null) {
                return;
            }
            boolean replace = java.nio.file.Files.exists(out);
            if (replace && !ReplaceQuestion.ask(getScene(), out.getFileName().toString())) {
                return;
            }
            vm.exportMidi(out, replace);
        });
        CheckBox snap = new CheckBox("on 16ths at");
        snap.setId("snap-midi");
        snap.selectedProperty().bindBidirectional(vm.snapToGrid());
        snap.setTooltip(new Tooltip("Move the exported notes onto sixteenth notes at this tempo, and write the"
                + " tempo into the file, so they line up with a DAW's bars"));
        Spinner<Double> gridTempo = new Spinner<>(TranscriptionOptions.MIN_TEMPO, TranscriptionOptions.MAX_TEMPO,
                vm.gridTempo().get(), 1);
        gridTempo.setId("grid-tempo");
        gridTempo.setEditable(true);
        gridTempo.setPrefWidth(80);
        gridTempo.setAccessibleText("Tempo of the MIDI grid in bpm");
        gridTempo.disableProperty().bind(snap.selectedProperty().not());
        gridTempo.valueProperty().addListener((o, a, b) -> vm.gridTempo().set(b));
        Label bpm = new Label("bpm");
        Label dragMidi = new Label("\u21F2 Drag MIDI");
        dragMidi.setId("drag-midi");
        dragMidi.getStyleClass().add("drag-handle");
        dragMidi.setTooltip(new Tooltip("Drag the MIDI file to a file manager or onto a DAW's track"));
        dragMidi.visibleProperty().bind(vm.midiFile().isNotNull());
        dragMidi.managedProperty().bind(dragMidi.visibleProperty());
        DragOut.install(dragMidi, () -> vm.midiFile().get(), why -> { });
        HBox buttons = new HBox(8, record, importWav, play, exportMidi, snap, gridTempo, bpm, dragMidi);
        buttons.setAlignment(Pos.CENTER_LEFT);

        contour.setId("contour");
        contour.contour().bind(vm.contour());
        VBox.setVgrow(contour, Priority.ALWAYS);

        RangeSlider trim = new RangeSlider(0, 1, 0, 1);
        trim.setId("trim");
        trim.setShowTickLabels(true);
        trim.setShowTickMarks(true);
        trim.setAccessibleText("Trim the hum");
        vm.hum().addListener((o, a, clip) -> {
            double len = clip == null ? 1 : clip.seconds();
            trim.setMax(len);
            vm.trimStart().set(0);
            vm.trimEnd().set(len);
            trim.setMajorTickUnit(Math.max(0.5, Math.round(len / 8 * 2) / 2.0));
        });
        trim.lowValueProperty().bindBidirectional(vm.trimStart());
        trim.highValueProperty().bindBidirectional(vm.trimEnd());
        trim.disableProperty().bind(vm.hum().isNull());
        Label trimLabel = new Label();
        trimLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT,
                "Keep %.1f s – %.1f s", vm.trimStart().get(), vm.trimEnd().get()), vm.trimStart(), vm.trimEnd()));

        useMelody.setId("use-melody");
        useMelody.getStyleClass().add("primary");
        useMelody.disableProperty().bind(vm.hum().isNull().or(vm.recording()).or(generate.running()));
        useMelody.setAccessibleText("Generate music that follows this melody");
        useMelody.setOnAction(e -> {
            if (vm.useAsMelody(generate)) {
                generate.generate();
            }
        });

        Label message = new Label();
        message.setId("hum-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, hint, deviceRow, buttons, contour, trimLabel, trim, useMelody, message);
    }
}

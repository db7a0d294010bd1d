package dev.cantor.ui.takes;

import dev.cantor.ui.shared.DragOut;
import dev.cantor.ui.shared.PlaybackViewModel;
import dev.cantor.ui.shared.TimeText;
import dev.cantor.ui.shared.WaveformView;
import dev.cantor.engine.api.Waveform;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Centre of the studio: the selected take's waveform with its transport (play/pause, stop, loop,
 * zoom, time) and Export, above the session's list of takes.
 */
public final class TakesView extends VBox {

    final WaveformView waveform;
    final ListView<Take> takes;
    final Button export = new Button("Export WAV…");
    /** Why the take could not be dragged out, or "". */
    private final javafx.beans.property.StringProperty dragError = new javafx.beans.property.SimpleStringProperty("");

    /**
     * @param livePeaks the waveform of a take still being made (shown while not null), filling in as it streams
     * @param stopLive  silences a take heard while it is made (the Stop button stops that too)
     */
    public TakesView(TakesViewModel vm, PlaybackViewModel playback, ObservableValue<Waveform> livePeaks,
                     Runnable stopLive, Runnable onExport) {
        getStyleClass().add("take-panel");
        setSpacing(10);
        setPadding(new Insets(14));

        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedTake().get() == null
                ? "No take yet: write a prompt and press Generate" : vm.selectedTake().get().title(),
                vm.selectedTake()));
        Label details = new Label();
        details.getStyleClass().add("take-details");
        details.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedTake().get() == null
                ? "" : vm.selectedTake().get().details(), vm.selectedTake()));

        waveform = new WaveformView(playback);
        waveform.setId("waveform");
        waveform.setPrefHeight(300);
        waveform.peaks().bind(Bindings.createObjectBinding(() -> livePeaks.getValue() != null ? livePeaks.getValue()
                : vm.selectedTake().get() == null ? null : vm.selectedTake().get().peaks(),
                vm.selectedTake(), livePeaks));
        VBox.setVgrow(waveform, Priority.ALWAYS);

        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(Bindings.when(playback.playing()).then("\u275A\u275A Pause").otherwise("\u25B6 Play"));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setAccessibleText("Play or pause the selected take");
        play.setOnAction(e -> playback.togglePlay());
        Button stop = new Button("\u25A0 Stop");
        stop.setId("stop");
        stop.setAccessibleText("Stop playback");
        stop.setOnAction(e -> {
            stopLive.run();
            playback.stop();
        });
        ToggleButton loop = new ToggleButton("\u21BB Loop selection");
        loop.setId("loop");
        loop.selectedProperty().bindBidirectional(playback.loop());
        loop.setAccessibleText("Loop the selected range");
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in"));
        zoomIn.setAccessibleText("Zoom in");
        zoomIn.setOnAction(e -> waveform.zoomBy(0.5, waveform.getWidth() / 2));
        Button zoomOut = new Button("\u2212");
        zoomOut.setTooltip(new Tooltip("Zoom out"));
        zoomOut.setAccessibleText("Zoom out");
        zoomOut.setOnAction(e -> waveform.zoomBy(2, waveform.getWidth() / 2));
        Label time = new Label();
        time.getStyleClass().add("time");
        time.textProperty().bind(Bindings.createStringBinding(() -> {
            var clip = playback.clip().get();
            if (clip == null) {
                return "0:00.0 / 0:00.0";
            }
            return TimeText.clock(playback.playhead().get() / (double) clip.sampleRate()) + " / "
                    + TimeText.clock(clip.seconds());
        }, playback.playhead(), playback.clip()));
        export.setId("export");
        export.getStyleClass().add("primary");
        export.disableProperty().bind(vm.selectedTake().isNull());
        export.setAccessibleText("Export the selected take as a WAV file");
        export.setOnAction(e -> onExport.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label drag = new Label("\u21F2 Drag WAV");
        drag.setId("drag-take");
        drag.getStyleClass().add("drag-handle");
        drag.setTooltip(new Tooltip("Drag the take to a file manager or onto a DAW's track"));
        drag.disableProperty().bind(vm.selectedTake().isNull());
        DragOut.install(drag, () -> vm.selectedTake().get() == null ? null : vm.dragFile(vm.selectedTake().get()),
                dragError::set);
        HBox transport = new HBox(8, play, stop, loop, zoomOut, zoomIn, time, gap, drag, export);
        transport.setAlignment(Pos.CENTER_LEFT);
        transport.getStyleClass().add("transport");
        transport.disableProperty().bind(playback.clip().isNull().and(Bindings.createBooleanBinding(
                () -> livePeaks.getValue() == null, livePeaks)));

        Label playbackMessage = new Label();
        playbackMessage.getStyleClass().add("error-text");
        playbackMessage.textProperty().bind(Bindings.createStringBinding(() -> playback.message().get().isEmpty()
                ? dragError.get() : playback.message().get(), playback.message(), dragError));

        Label takesTitle = new Label("Takes this session");
        takesTitle.getStyleClass().add("section-title");
        takes = new ListView<>(vm.takes());
        takes.setId("takes");
        takes.setPrefHeight(220);
        takes.setAccessibleText("Takes of this session");
        takes.setPlaceholder(new Label("Your takes will appear here. Try a few seeds and keep the best."));
        takes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Take take, boolean empty) {
                super.updateItem(take, empty);
                if (empty || take == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label t = new Label(take.title());
                t.getStyleClass().add("take-title");
                Label d = new Label(take.details());
                d.getStyleClass().add("take-details");
                setGraphic(new VBox(2, t, d));
                setText(null);
            }
        });
        takes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedTake().set(b);
            }
        });
        vm.selectedTake().addListener((o, a, b) -> {
            if (b != null && takes.getSelectionModel().getSelectedItem() != b) {
                takes.getSelectionModel().select(b);
            }
        });
        getChildren().addAll(title, details, waveform, transport, playbackMessage, takesTitle, takes);
    }
}

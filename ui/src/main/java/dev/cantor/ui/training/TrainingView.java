package dev.cantor.ui.training;

import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.ui.shared.FileDialogs;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.ModelsViewModel;
import dev.cantor.ui.shared.TimeText;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Training tab: choose a folder of music, check and edit the captions in a table, then
 * fine-tune a model on it, watching the training and validation losses as they come.
 */
public final class TrainingView extends VBox {

    /** Training losses are shown as a running mean over this many steps (single steps are noisy). */
    private static final int SMOOTHING = 10;

    private final TrainingViewModel vm;
    final TableView<LibraryTrack> table = new TableView<>();
    final LineChart<Number, Number> chart;
    private final XYChart.Series<Number, Number> trainSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationSeries = new XYChart.Series<>();
    final LineChart<Number, Number> codecChart;
    private final XYChart.Series<Number, Number> codecSeries = new XYChart.Series<>();

    public TrainingView(TrainingViewModel vm, ModelsViewModel models, FileDialogs files) {
        this.vm = vm;
        getStyleClass().add("training-panel");
        setSpacing(10);
        setPadding(new Insets(12, 14, 12, 14));

        Button choose = new Button("Choose music folder…");
        choose.setId("training-choose");
        choose.setAccessibleText("Choose the folder of your music");
        choose.setOnAction(e -> {
            Path dir = files.openMusicFolder(getScene().getWindow());
            if (dir != null) {
                vm.importLibrary(dir);
            }
        });
        Button reread = new Button("Read again");
        reread.setTooltip(new Tooltip("Read the folder again (new files are added; edited captions are kept)"));
        reread.disableProperty().bind(vm.library().isNull().or(vm.busy()));
        reread.setOnAction(e -> vm.importLibrary(Path.of(vm.library().get().root())));
        choose.disableProperty().bind(vm.busy());
        Label folder = new Label();
        folder.getStyleClass().add("hint");
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.library().get() == null
                ? "Your files are only read: Cantor never changes them."
                : vm.library().get().root(), vm.library()));
        HBox top = new HBox(8, choose, reread, folder);
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("training-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.progress());
        progress.visibleProperty().bind(vm.busy());
        progress.managedProperty().bind(vm.busy());
        Label status = new Label();
        status.setId("training-status");
        status.textProperty().bind(vm.status());
        HBox statusRow = new HBox(10, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());

        buildTable();
        Button captionFolder = new Button("Caption this folder…");
        captionFolder.setId("training-caption-folder");
        captionFolder.setTooltip(new Tooltip("Give every file in the selected file's folder the same caption"));
        captionFolder.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        captionFolder.setOnAction(e -> {
            LibraryTrack t = table.getSelectionModel().getSelectedItem();
            TextInputDialog ask = new TextInputDialog(t.caption());
            ask.setHeaderText("Caption for every file in \"" + (t.folder().isEmpty() ? "the library" : t.folder()) + "\"");
            ask.initOwner(getScene().getWindow());
            ask.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
            ask.showAndWait().filter(s -> !s.isBlank()).ifPresent(s -> vm.captionFolder(t.folder(), s));
        });

        TextField name = new TextField();
        name.setId("training-name");
        name.textProperty().bindBidirectional(vm.modelName());
        name.setPrefColumnCount(14);
        name.setAccessibleText("Name of the new model");
        ComboBox<ModelEntry> base = new ComboBox<>(models.models());
        base.setId("training-base");
        base.setValue(models.selected().get());
        base.setAccessibleText("Model to start from");
        Spinner<Double> minutes = new Spinner<>(1.0, 24 * 60.0, vm.minutes().get(), 5);
        minutes.setId("training-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        minutes.valueProperty().addListener((o, a, b) -> vm.minutes().set(b));
        vm.minutes().addListener((o, a, b) -> minutes.getValueFactory().setValue(b.doubleValue()));
        minutes.setAccessibleText("Training budget in minutes");
        CheckBox codec = new CheckBox("Tune the codec too");
        codec.setId("training-codec");
        codec.selectedProperty().bindBidirectional(vm.tuneCodec());
        codec.setTooltip(new Tooltip("For sounds unlike Cantor's own: the codec learns your music's timbres first ("
                + Math.round(FineTuneRequest.CODEC_TIME_SHARE * 100) + " % of the minutes), measured on the held-out "
                + "files before and after"));
        Button start = new Button("Start fine-tune");
        start.setId("training-start");
        start.getStyleClass().add("primary");
        start.disableProperty().bind(vm.library().isNull().or(vm.busy()));
        start.setOnAction(e -> vm.startFineTune(base.getValue()));
        Button pause = new Button("Pause");
        pause.setId("training-pause");
        pause.setTooltip(new Tooltip("Save a checkpoint and stop; Resume continues"));
        pause.disableProperty().bind(vm.training().not());
        pause.setOnAction(e -> vm.pause());
        Button resume = new Button("Resume");
        resume.setId("training-resume");
        resume.disableProperty().bind(vm.job().isNull().or(vm.busy()));
        resume.setOnAction(e -> vm.resume());
        // two rows: in one the settings are wider than the pane beside a 1280-pixel window's sidebar
        HBox settings = new HBox(8, label("New model"), name, label("starting from"), base, label("Minutes"), minutes);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, codec, start, pause, resume);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (HBox row : java.util.List.of(settings, actions)) {
            row.getChildren().forEach(n -> {
                if (n instanceof Region r) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            });
        }

        NumberAxis steps = new NumberAxis();
        steps.setLabel("step");
        steps.setForceZeroInRange(true);
        NumberAxis loss = new NumberAxis();
        loss.setLabel("cross-entropy");
        loss.setForceZeroInRange(false);
        chart = new LineChart<>(steps, loss);
        chart.setId("training-chart");
        chart.setCreateSymbols(true);              // the training curve's symbols are hidden in studio.css
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        trainSeries.setName("training (mean of " + SMOOTHING + " steps)");
        validationSeries.setName("validation (held-out files)");
        chart.getData().setAll(FXCollections.observableArrayList(java.util.List.of(trainSeries, validationSeries)));
        vm.trainLoss().addListener((ListChangeListener<TrainingViewModel.LossPoint>) c ->
                trainSeries.getData().setAll(smoothed(vm.trainLoss())));
        vm.validationLoss().addListener((ListChangeListener<TrainingViewModel.LossPoint>) c -> {
            validationSeries.getData().setAll(vm.validationLoss().stream()
                    .map(p -> new XYChart.Data<Number, Number>(p.step(), p.loss())).toList());
        });

        NumberAxis codecSteps = new NumberAxis();
        codecSteps.setLabel("codec step");
        codecSteps.setForceZeroInRange(true);
        NumberAxis snr = new NumberAxis();
        snr.setLabel("SI-SNR (dB)");
        snr.setForceZeroInRange(false);
        codecChart = new LineChart<>(codecSteps, snr);
        codecChart.setId("training-codec-chart");
        codecChart.setCreateSymbols(true);
        codecChart.setAnimated(false);
        codecChart.setPrefHeight(220);
        codecChart.setPrefWidth(380);
        codecSeries.setName("codec reconstruction (mean of " + SMOOTHING + " batches)");
        codecChart.getData().setAll(FXCollections.observableArrayList(java.util.List.of(codecSeries)));
        vm.codecSnr().addListener((ListChangeListener<TrainingViewModel.LossPoint>) c ->
                codecSeries.getData().setAll(smoothed(vm.codecSnr())));
        codecChart.visibleProperty().bind(Bindings.isNotEmpty(vm.codecSnr()));
        codecChart.managedProperty().bind(codecChart.visibleProperty());
        Label codecFigures = new Label();
        codecFigures.setId("training-codec-figures");
        codecFigures.textProperty().bind(vm.codecFigures());
        codecFigures.visibleProperty().bind(vm.codecFigures().isNotEmpty());
        codecFigures.managedProperty().bind(codecFigures.visibleProperty());
        HBox charts = new HBox(8, chart, codecChart);
        HBox.setHgrow(chart, Priority.ALWAYS);

        Region gap = new Region();
        HBox tableTools = new HBox(8, title("Your library"), gap, captionFolder);
        HBox.setHgrow(gap, Priority.ALWAYS);
        tableTools.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, statusRow, message, tableTools, table, title("Fine-tune"), settings, actions,
                codecFigures, charts);
    }

    private void buildTable() {
        table.setId("training-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("Choose a folder with your songs ("
                + dev.cantor.engine.audio.AudioFiles.FORMAT_NAMES + ")."));
        TableColumn<LibraryTrack, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().path()));
        file.setPrefWidth(230);
        TableColumn<LibraryTrack, String> length = new TableColumn<>("Length");
        length.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().seconds() <= 0 ? ""
                : TimeText.clock(c.getValue().seconds())));
        length.setPrefWidth(70);
        TableColumn<LibraryTrack, String> use = new TableColumn<>("Use");
        use.setCellValueFactory(c -> new SimpleStringProperty(use(c.getValue())));
        use.setPrefWidth(150);
        TableColumn<LibraryTrack, String> caption = new TableColumn<>("Caption (double-click to edit)");
        caption.setId("training-caption-column");
        caption.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().usable() ? c.getValue().caption()
                : c.getValue().reason()));
        caption.setCellFactory(TextFieldTableCell.forTableColumn());
        caption.setEditable(true);
        caption.setOnEditCommit(e -> {
            if (e.getRowValue().usable() && e.getNewValue() != null && !e.getNewValue().isBlank()) {
                vm.editCaption(e.getRowValue().path(), e.getNewValue());
            } else {
                table.refresh();
            }
        });
        caption.setPrefWidth(420);
        table.getColumns().setAll(java.util.List.of(file, length, use, caption));
        vm.library().addListener((o, a, lib) -> showLibrary(lib));
    }

    private void showLibrary(TrainingLibrary lib) {
        LibraryTrack selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(lib == null ? java.util.List.of() : lib.tracks());
        if (selected != null) {
            lib.tracks().stream().filter(t -> t.path().equals(selected.path())).findFirst()
                    .ifPresent(t -> table.getSelectionModel().select(t));
        }
    }

    private static String use(LibraryTrack t) {
        return switch (t.status()) {
            case OK -> t.validation() ? "held out (checks)" : "learn from";
            case UNREADABLE -> "skipped: unreadable";
            case TOO_SHORT -> "skipped: too short";
            case DUPLICATE -> "skipped: duplicate";
        };
    }

    /** A running mean over {@link #SMOOTHING} points, every fifth point and the last. */
    private static java.util.List<XYChart.Data<Number, Number>> smoothed(
            java.util.List<TrainingViewModel.LossPoint> points) {
        java.util.List<XYChart.Data<Number, Number>> data = new java.util.ArrayList<>();
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            sum += points.get(i).loss();
            if (i >= SMOOTHING) {
                sum -= points.get(i - SMOOTHING).loss();
            }
            if ((i + 1) % 5 == 0 || i == points.size() - 1) {
                data.add(new XYChart.Data<>(points.get(i).step(), sum / Math.min(SMOOTHING, i + 1)));
            }
        }
        return data;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("param-label");
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}

package dev.cantor.ui.prompt;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;

/**
 * Left side of the studio: the prompt, its history, one-click tags, the sampling parameters,
 * Generate / Cancel with a progress bar and ETA, and the melody the next take will follow.
 */
public final class PromptView extends BorderPane {

    final TextArea prompt = new TextArea();
    final Button generate = new Button("Generate");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar(0);

    public PromptView(PromptViewModel vm) {
        getStyleClass().add("prompt-panel");
        setPrefWidth(430);

        Label title = new Label("Prompt");
        title.getStyleClass().add("section-title");
        prompt.setId("prompt");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.setPromptText("slow melancholic piano with soft strings, 70 bpm");
        prompt.textProperty().bindBidirectional(vm.prompt());
        prompt.setAccessibleText("Prompt: describe the music");

        ComboBox<String> history = new ComboBox<>(vm.history());
        history.setId("history");
        history.setPromptText("Recent prompts");
        history.setMaxWidth(Double.MAX_VALUE);
        history.setAccessibleText("Recent prompts");
        history.setOnAction(e -> {
            String chosen = history.getValue();
            if (chosen != null) {
                vm.prompt().set(chosen);
                history.getSelectionModel().clearSelection();
            }
        });

        VBox tags = new VBox(6);
        for (Map.Entry<String, List<String>> category : PromptTags.BY_CATEGORY.entrySet()) {
            FlowPane row = new FlowPane(4, 4);
            Label name = new Label(category.getKey());
            name.getStyleClass().add("tag-category");
            name.setMinWidth(84);
            HBox line = new HBox(4, name, row);
            HBox.setHgrow(row, Priority.ALWAYS);
            for (String tag : category.getValue()) {
                Button b = new Button(tag);
                b.getStyleClass().add("tag");
                b.setFocusTraversable(false);
                b.setAccessibleText("Add " + tag + " to the prompt");
                b.setOnAction(e -> vm.addTag(tag));
                row.getChildren().add(b);
            }
            tags.getChildren().add(line);
        }

        GridPane params = new GridPane();
        params.getStyleClass().add("parameters");
        params.setHgap(8);
        params.setVgap(6);
        params.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints());
        params.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        Spinner<Double> seconds = doubleSpinner(1, 600, vm.seconds().get(), 1, "seconds");
        seconds.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seconds().set(b));
        vm.seconds().addListener((o, a, b) -> seconds.getValueFactory().setValue(b.doubleValue()));
        TextField seed = new TextField();
        seed.setId("seed");
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), vm.seed().get(),
                c -> c.getControlNewText().matches("\\d{0,15}") ? c : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.seed().set(b);
            }
        });
        vm.seed().addListener((o, a, b) -> seedFormat.setValue(b.longValue()));
        seed.setAccessibleText("Seed");
        Button dice = new Button("\u2684");
        dice.setId("dice");
        dice.setTooltip(new Tooltip("New random seed"));
        dice.setAccessibleText("New random seed");
        dice.setOnAction(e -> vm.rollSeed());
        HBox seedRow = new HBox(6, seed, dice);
        HBox.setHgrow(seed, Priority.ALWAYS);
        Spinner<Double> temperature = doubleSpinner(0, 2, vm.temperature().get(), 0.05, "temperature");
        temperature.getValueFactory().valueProperty().addListener((o, a, b) -> vm.temperature().set(b));
        Spinner<Integer> topK = new Spinner<>(0, 1024, vm.topK().get(), 10);
        topK.setEditable(true);
        topK.setId("topK");
        topK.setMaxWidth(Double.MAX_VALUE);
        topK.valueProperty().addListener((o, a, b) -> vm.topK().set(b));
        Spinner<Double> topP = doubleSpinner(0.05, 1, vm.topP().get(), 0.05, "topP");
        topP.getValueFactory().valueProperty().addListener((o, a, b) -> vm.topP().set(b));
        Spinner<Double> guidance = doubleSpinner(0, 10, vm.guidance().get(), 0.5, "guidance");
        guidance.getValueFactory().valueProperty().addListener((o, a, b) -> vm.guidance().set(b));
        Spinner<Double> keyGuidance = doubleSpinner(0, 10, vm.keyGuidance().get(), 0.5, "keyGuidance");
        keyGuidance.getValueFactory().valueProperty().addListener((o, a, b) -> vm.keyGuidance().set(b));
        keyGuidance.setTooltip(new Tooltip("How firmly the music holds the key the prompt names"
                + " (\"in D minor\"; a hummed melody sets its own); 0 = off"));
        int r = 0;
        params.addRow(r++, label("Duration (s)"), seconds);
        params.addRow(r++, label("Seed"), seedRow);
        params.addRow(r++, label("Temperature"), temperature);
        params.addRow(r++, label("Top-k"), topK);
        params.addRow(r++, label("Top-p"), topP);
        params.addRow(r++, label("Guidance"), guidance);
        params.addRow(r, label("Key hold"), keyGuidance);

        Label melody = new Label();
        melody.getStyleClass().add("melody-note");
        melody.textProperty().bind(Bindings.createStringBinding(() -> vm.melody().get() == null
                ? "No melody: text only"
                : String.format(java.util.Locale.ROOT, "Following a %.1f s melody", vm.melody().get().seconds()),
                vm.melody()));
        Button clearMelody = new Button("Clear melody");
        clearMelody.getStyleClass().add("link-button");
        clearMelody.visibleProperty().bind(vm.melody().isNotNull());
        clearMelody.setOnAction(e -> vm.melody().set(null));
        HBox melodyRow = new HBox(8, melody, clearMelody);

        generate.setId("generate");
        generate.getStyleClass().add("primary");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.setTooltip(new Tooltip("Generate (Ctrl+Enter)"));
        generate.setAccessibleText("Generate music from the prompt");
        generate.disableProperty().bind(vm.running());
        generate.setOnAction(e -> vm.generate());
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Cancel (Esc)"));
        cancel.setAccessibleText("Cancel the generation");
        cancel.disableProperty().bind(vm.running().not());
        cancel.setOnAction(e -> vm.cancel());
        ToggleButton loop = new ToggleButton("\u21BB Loop");
        loop.setId("loop-toggle");
        loop.setTooltip(new Tooltip("Make a seamless loop: whole bars at the prompt's tempo, the end running into"
                + " the start; it plays looped and exports with loop points"));
        loop.setAccessibleText("Make a seamless loop");
        loop.selectedProperty().bindBidirectional(vm.loop());
        loop.disableProperty().bind(vm.running());
        Button makeFour = new Button("Make 4");
        makeFour.setId("make-4");
        makeFour.setTooltip(new Tooltip("Four takes of this prompt with seeds in a row, made together as one batch"));
        makeFour.setAccessibleText("Make four takes at once");
        makeFour.disableProperty().bind(vm.running().or(vm.loop()));
        makeFour.setOnAction(e -> vm.generateTakes(4));
        HBox buttons = new HBox(8, generate, makeFour, loop, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);

        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progress());
        progress.visibleProperty().bind(vm.running());
        progress.managedProperty().bind(progress.visibleProperty());
        Label eta = new Label();
        eta.getStyleClass().add("eta");
        eta.textProperty().bind(vm.eta());
        eta.visibleProperty().bind(vm.eta().isNotEmpty());
        eta.managedProperty().bind(eta.visibleProperty());
        Label error = new Label();
        error.setId("generate-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.error());
        error.visibleProperty().bind(vm.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label paramsTitle = new Label("Parameters");
        paramsTitle.getStyleClass().add("section-title");
        Label tagsTitle = new Label("Tags");
        tagsTitle.getStyleClass().add("section-title");
        VBox fields = new VBox(10, title, prompt, history, tagsTitle, tags, paramsTitle, params, melodyRow);
        fields.setPadding(new Insets(14));
        fields.getStyleClass().add("prompt-fields");
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side");
        setCenter(scroll);
        // Generate, Cancel and the progress stay in view however tall the fields are
        VBox actions = new VBox(6, buttons, progress, eta, error);
        actions.setPadding(new Insets(10, 14, 12, 14));
        actions.getStyleClass().add("actions");
        setBottom(actions);
    }

    /** Puts the cursor in the prompt, ready to type. */
    public void focusPrompt() {
        prompt.requestFocus();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("param-label");
        return l;
    }

    private static Spinner<Double> doubleSpinner(double min, double max, double value, double step, String id) {
        Spinner<Double> s = new Spinner<>();
        s.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        s.setEditable(true);
        s.setId(id);
        s.setMaxWidth(Double.MAX_VALUE);
        s.setAccessibleText(id);
        return s;
    }
}

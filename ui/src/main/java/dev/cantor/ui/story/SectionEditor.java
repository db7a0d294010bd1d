package dev.cantor.ui.story;

import dev.cantor.engine.api.story.StorySection;
import dev.cantor.ui.shared.FileDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The selected section's settings: prompt, length, and the optional tempo, key, mode and seed
 * that override what the prompt says (blank = from the prompt / from the story's seed). A field
 * is applied when it loses focus or Enter is pressed; each change is one undo step, and a value
 * the story cannot take is refused with the reason in the Story view's message line.
 */
final class SectionEditor extends GridPane {

    private static final String FROM_PROMPT = "from prompt";

    private final StoryViewModel vm;
    private final Label title = new Label();
    final TextArea prompt = new TextArea();
    final Spinner<Double> seconds = new Spinner<>();
    final TextField tempo = new TextField();
    final ComboBox<String> key = new ComboBox<>();
    final ComboBox<String> mode = new ComboBox<>();
    final TextField seed = new TextField();
    private final Label melody = new Label();
    private final Random dice = new Random();
    /** True while the fields are being filled from the project (their listeners then do nothing). */
    private boolean filling;
    /** The section the fields show. */
    private int shown = -1;

    SectionEditor(StoryViewModel vm, FileDialogs files) {
        this.vm = vm;
        getStyleClass().add("section-editor");
        setHgap(10);
        setVgap(6);
        setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints label = new ColumnConstraints();
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(label, wide);

        title.getStyleClass().add("section-title");
        prompt.setId("story-prompt");
        prompt.setPrefRowCount(2);
        prompt.setWrapText(true);
        prompt.setPromptText("What this section should sound like, e.g. \"strings join, building tension\"");
        prompt.setAccessibleText("Prompt of the selected section");
        prompt.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitPrompt();
            }
        });

        seconds.setId("story-seconds");
        seconds.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(
                TimelineViewModel.MIN_SECTION_SECONDS, 600, 10, 1));
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.setAccessibleText("Length of the selected section in seconds");
        seconds.valueProperty().addListener((o, a, b) -> {
            if (!filling && b != null) {
                vm.timeline().resizeSection(vm.timeline().selected().get(), b);
            }
        });

        tempo.setId("story-tempo");
        tempo.setPromptText("auto");
        tempo.setPrefColumnCount(6);
        tempo.setAccessibleText("Tempo of the selected section in bpm; blank (auto) to take it from the prompt");
        tempo.setOnAction(e -> commitTempo());
        tempo.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitTempo();
            }
        });

        List<String> keys = new ArrayList<>(List.of(FROM_PROMPT));
        keys.addAll(StorySection.KEY_NAMES);
        key.getItems().setAll(keys);
        key.setId("story-key");
        key.setAccessibleText("Key of the selected section");
        key.valueProperty().addListener((o, a, b) -> {
            if (!filling) {
                vm.timeline().setKey(vm.timeline().selected().get(), FROM_PROMPT.equals(b) ? null : b);
            }
        });
        mode.getItems().setAll(FROM_PROMPT, "major", "minor");
        mode.setId("story-mode");
        mode.setAccessibleText("Mode of the selected section");
        mode.valueProperty().addListener((o, a, b) -> {
            if (!filling) {
                vm.timeline().setMode(vm.timeline().selected().get(), FROM_PROMPT.equals(b) ? null : b);
            }
        });

        seed.setId("story-section-seed");
        seed.setPromptText("auto");
        seed.setPrefColumnCount(7);
        seed.setAccessibleText("Seed of the selected section; blank to derive it from the story's seed");
        seed.setOnAction(e -> commitSeed());
        seed.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitSeed();
            }
        });
        Button roll = new Button("\u2684");
        roll.setTooltip(new Tooltip("A new random seed for this section"));
        roll.setAccessibleText("New random seed for the selected section");
        roll.setOnAction(e -> vm.timeline().setSectionSeed(vm.timeline().selected().get(), 1L + dice.nextInt(99_999)));

        Button duplicate = new Button("Duplicate");
        duplicate.setId("story-duplicate");
        duplicate.setAccessibleText("Duplicate this section");
        duplicate.setTooltip(new Tooltip("Add a copy of this section after it"));
        duplicate.setOnAction(e -> vm.timeline().duplicateSection(vm.timeline().selected().get()));
        Button delete = new Button("Delete");
        delete.setId("story-delete");
        delete.setAccessibleText("Delete this section");
        delete.setTooltip(new Tooltip("Delete this section (Delete on the timeline)"));
        delete.setOnAction(e -> vm.timeline().deleteSection(vm.timeline().selected().get()));
        HBox heading = new HBox(10, title, duplicate, delete);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox numbers = new HBox(8, seconds, param("Tempo (bpm)"), tempo, param("Seed"), seed, roll);
        numbers.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        melody.setId("story-melody");
        melody.getStyleClass().add("hint");
        melody.setMinWidth(60);
        melody.setMaxWidth(160);
        Button chooseMelody = new Button("Melody…");
        chooseMelody.setTooltip(new Tooltip("A WAV (a hum, a tune) this section's melody follows"));
        chooseMelody.setAccessibleText("Choose a melody for this section");
        chooseMelody.setOnAction(e -> {
            java.nio.file.Path wav = files.openWav(getScene() == null ? null : getScene().getWindow());
            if (wav != null) {
                vm.setMelody(vm.timeline().selected().get(), wav);
            }
        });
        Button clearMelody = new Button("\u2715");
        clearMelody.setTooltip(new Tooltip("No melody for this section"));
        clearMelody.setAccessibleText("Remove this section's melody");
        clearMelody.setOnAction(e -> vm.setMelody(vm.timeline().selected().get(), null));
        clearMelody.disableProperty().bind(melody.textProperty().isEqualTo("no melody"));
        HBox tonality = new HBox(8, key, param("Mode"), mode, param("Melody"), melody, chooseMelody, clearMelody);
        tonality.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        add(heading, 0, 0, 2, 1);
        add(param("Prompt"), 0, 1);
        add(prompt, 1, 1);
        add(param("Length (s)"), 0, 2);
        add(numbers, 1, 2);
        add(param("Key"), 0, 3);
        add(tonality, 1, 3);

        vm.timeline().project().addListener(o -> fill());
        vm.timeline().selected().addListener(o -> fill());
        fill();
    }

    private static Label param(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("param-label");
        return l;
    }

    private StorySection section() {
        List<StorySection> all = vm.timeline().sections();
        int i = vm.timeline().selected().get();
        return i >= 0 && i < all.size() ? all.get(i) : null;
    }

    /** Shows the selected section's values. */
    private void fill() {
        StorySection s = section();
        if (s == null) {
            return;
        }
        filling = true;
        try {
            title.setText("Section " + (vm.timeline().selected().get() + 1) + " of " + vm.timeline().sections().size());
            if (!prompt.isFocused() || vm.timeline().selected().get() != shown) {   // never under the musician's typing
                prompt.setText(s.prompt() == null ? "" : s.prompt());
            }
            shown = vm.timeline().selected().get();
            seconds.getValueFactory().setValue(s.seconds());
            seconds.getEditor().setText(seconds.getValueFactory().getConverter().toString(s.seconds()));
            tempo.setText(s.tempoBpm() == null ? "" : String.format(Locale.ROOT, "%.0f", s.tempoBpm()));
            key.setValue(s.key() == null ? FROM_PROMPT : StorySection.keyName(s.key()));
            mode.setValue(s.mode() == null ? FROM_PROMPT : s.mode().toLowerCase(Locale.ROOT));
            seed.setText(s.seed() == null ? "" : Long.toString(s.seed()));
            melody.setText(s.melody() == null ? "no melody" : java.nio.file.Path.of(s.melody()).getFileName().toString());
        } finally {
            filling = false;
        }
    }

    /** Applies the typed prompt (focus lost, or before generating). */
    void commitPrompt() {
        StorySection s = section();
        if (s != null && !prompt.getText().strip().equals(s.prompt())) {
            vm.timeline().setPrompt(vm.timeline().selected().get(), prompt.getText());
            fill();
        }
    }

    private void commitTempo() {
        String text = tempo.getText().strip();
        try {
            vm.timeline().setTempo(vm.timeline().selected().get(), text.isEmpty() ? null : Double.parseDouble(text));
        } catch (NumberFormatException e) {
            vm.timeline().setTempo(vm.timeline().selected().get(), Double.NaN);   // refused with the range in the message
        }
        fill();
    }

    private void commitSeed() {
        String text = seed.getText().strip();
        try {
            vm.timeline().setSectionSeed(vm.timeline().selected().get(), text.isEmpty() ? null : Long.parseLong(text));
        } catch (NumberFormatException e) {
            vm.timeline().refuse("a seed is a whole number, got \"" + text + "\"");
        }
        fill();
    }
}

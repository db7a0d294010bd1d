package dev.cantor.ui.story;

import dev.cantor.ui.shared.FileDialogs;
import dev.cantor.ui.shared.PlaybackViewModel;
import dev.cantor.ui.shared.ReplaceQuestion;
import dev.cantor.ui.shared.TimeText;
import dev.cantor.ui.shared.WaveformView;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Story tab: a toolbar (new / open / save as, undo / redo, add / duplicate / delete, the
 * transition and the story's seed), the timeline of sections, the selected section's editor,
 * Generate story with per-section progress and Cancel, and the last render with its section
 * markers, transport and "Regenerate this section".
 */
public final class StoryView extends VBox {

    private final StoryViewModel vm;
    private final FileDialogs files;
    final TimelineView timeline;
    final SectionEditor editor;
    final WaveformView waveform;
    final Button generate = new Button("Generate story");
    final Button regenerate = new Button("Regenerate this section");
    private final Label file = new Label();

    public StoryView(StoryViewModel vm, PlaybackViewModel playback, javafx.beans.property.ReadOnlyBooleanProperty busy,
                     FileDialogs files, Runnable onExport) {
        this.vm = vm;
        this.files = files;
        getStyleClass().add("story-panel");
        setSpacing(10);
        setPadding(new Insets(12, 14, 12, 14));

        timeline = new TimelineView(vm.timeline(), vm.renders().activeSection());
        editor = new SectionEditor(vm, files);

        Label title = new Label("Last render");
        title.getStyleClass().add("section-title");
        waveform = new WaveformView(playback);
        waveform.setId("story-waveform");
        waveform.setPrefHeight(170);
        waveform.peaks().bind(Bindings.createObjectBinding(() -> vm.renders().render().get() == null ? null
                : vm.renders().render().get().peaks(), vm.renders().render()));
        waveform.markers().bind(Bindings.createObjectBinding(() -> vm.renders().render().get() == null ? null
                : vm.renders().render().get().markerSamples(), vm.renders().render()));
        VBox.setVgrow(waveform, Priority.ALWAYS);

        Label message = new Label();
        message.setId("story-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());

        HBox toolbar = toolbar();
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox renderTitle = new HBox(10, title, gap, file);
        renderTitle.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(toolbar, timeline, editor, generateBar(busy), message, renderTitle, waveform,
                transport(playback, busy, onExport));
    }

    private HBox toolbar() {
        Button newStory = button("New", "Start a new story (this one stays saved)", "story-new");
        newStory.setOnAction(e -> vm.newStory());
        Button open = button("Open…", "Open a story project", "story-open");
        open.setOnAction(e -> {
            Path chosen = files.openStory(getScene().getWindow(), vm.file().get().toAbsolutePath().getParent());
            if (chosen != null) {
                vm.open(chosen);
            }
        });
        Button saveAs = button("Save as…", "Save the story (and its renders) somewhere else", "story-save-as");
        saveAs.setOnAction(e -> saveAs());
        Button undo = button("\u21B6 Undo", "", "story-undo");
        undo.disableProperty().bind(vm.timeline().canUndo().not());
        undo.setOnAction(e -> vm.timeline().undo());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(Bindings.concat("Undo ", vm.timeline().undoLabel(), " (Ctrl+Z)"));
        undo.setTooltip(undoTip);
        Button redo = button("\u21B7 Redo", "", "story-redo");
        redo.disableProperty().bind(vm.timeline().canRedo().not());
        redo.setOnAction(e -> vm.timeline().redo());
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(Bindings.concat("Redo ", vm.timeline().redoLabel(), " (Ctrl+Y)"));
        redo.setTooltip(redoTip);
        Button add = button("+ Section", "Add a section after the selected one", "story-add");
        add.setOnAction(e -> vm.timeline().addSection());
        Spinner<Double> transition = new Spinner<>();
        transition.setId("story-transition");
        transition.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 30,
                vm.timeline().project().get().transitionSeconds(), 0.5));
        transition.setEditable(true);
        transition.setPrefWidth(72);
        transition.setAccessibleText("Transition between sections in seconds");
        transition.setTooltip(new Tooltip("How long each change of section takes"));
        boolean[] filling = {false};
        transition.valueProperty().addListener((o, a, b) -> {
            if (!filling[0] && b != null) {
                vm.timeline().setTransitionSeconds(b);
            }
        });
        TextField seed = new TextField();
        seed.setId("story-seed");
        seed.setPrefColumnCount(5);
        seed.setAccessibleText("The story's seed");
        seed.setTooltip(new Tooltip("The story's seed: sections without their own seed derive theirs from it"));
        Runnable commitSeed = () -> {
            try {
                vm.timeline().setStorySeed(Long.parseLong(seed.getText().strip()));
            } catch (NumberFormatException ex) {
                vm.timeline().refuse("a seed is a whole number, got \"" + seed.getText().strip() + "\"");
            }
            seed.setText(Long.toString(vm.timeline().project().get().seed()));
        };
        seed.setOnAction(e -> commitSeed.run());
        seed.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitSeed.run();
            }
        });
        Runnable fill = () -> {
            filling[0] = true;
            transition.getValueFactory().setValue(vm.timeline().project().get().transitionSeconds());
            filling[0] = false;
            if (!seed.isFocused()) {
                seed.setText(Long.toString(vm.timeline().project().get().seed()));
            }
        };
        vm.timeline().project().addListener(o -> fill.run());
        fill.run();

        file.setId("story-file");
        file.getStyleClass().add("hint");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.file().get() == null ? ""
                : "Saved as you edit: " + vm.file().get().getFileName(), vm.file()));
        file.setTooltip(new Tooltip());
        file.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> vm.file().get() == null ? ""
                : vm.file().get().toAbsolutePath().toString(), vm.file()));
        file.setMinWidth(0);
        Region gap = new Region();
        gap.setMinWidth(6);
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, newStory, open, saveAs, sep(), undo, redo, sep(), add, gap,
                param("Transition (s)"), transition, param("Seed"), seed);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof Region r && n != gap) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.disableProperty().bind(vm.renders().running());
        return bar;
    }

    private HBox generateBar(javafx.beans.property.ReadOnlyBooleanProperty busy) {
        generate.setId("story-generate");
        generate.getStyleClass().add("primary");
        generate.setAccessibleText("Generate the whole story");
        generate.setTooltip(new Tooltip("Render every section as one continuous piece (Ctrl+Enter)"));
        generate.disableProperty().bind(busy);
        generate.setOnAction(e -> generateStory());
        Button cancel = new Button("Cancel");
        cancel.setId("story-cancel");
        cancel.setAccessibleText("Cancel the story's generation");
        cancel.disableProperty().bind(vm.renders().running().not());
        cancel.setOnAction(e -> vm.renders().cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("story-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.renders().progress());
        progress.visibleProperty().bind(vm.renders().running());
        progress.managedProperty().bind(vm.renders().running());
        Label status = new Label();
        status.setId("story-status");
        status.textProperty().bind(vm.renders().status());
        HBox bar = new HBox(10, generate, cancel, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox transport(PlaybackViewModel playback, javafx.beans.property.ReadOnlyBooleanProperty busy,
                           Runnable onExport) {
        Button play = new Button();
        play.setId("story-play");
        play.textProperty().bind(Bindings.when(playback.playing()).then("\u275A\u275A Pause").otherwise("\u25B6 Play"));
        play.setAccessibleText("Play or pause the story");
        play.setOnAction(e -> playback.togglePlay());
        Button stop = new Button("\u25A0 Stop");
        stop.setAccessibleText("Stop playback");
        stop.setOnAction(e -> playback.stop());
        Label time = new Label();
        time.getStyleClass().add("time");
        time.textProperty().bind(Bindings.createStringBinding(() -> {
            var clip = playback.clip().get();
            return clip == null ? "0:00.0 / 0:00.0" : TimeText.clock(playback.playhead().get()
                    / (double) clip.sampleRate()) + " / " + TimeText.clock(clip.seconds());
        }, playback.playhead(), playback.clip()));
        HBox player = new HBox(8, play, stop, time);
        player.setAlignment(Pos.CENTER_LEFT);
        player.disableProperty().bind(playback.clip().isNull());

        regenerate.setId("story-regenerate");
        regenerate.setAccessibleText("Make the selected section again with a new seed");
        regenerate.setTooltip(new Tooltip("Make the selected section again with a new seed, keeping everything "
                + "before it"));
        regenerate.disableProperty().bind(vm.renders().render().isNull().or(busy));
        regenerate.setOnAction(e -> {
            editor.commitPrompt();
            vm.renders().regenerateSection(vm.timeline().selected().get());
        });
        CheckBox following = new CheckBox("and the ones after it");
        following.setId("story-regenerate-following");
        following.selectedProperty().bindBidirectional(vm.renders().regenerateFollowing());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = new Button("Export WAV…");
        export.setId("story-export");
        export.getStyleClass().add("primary");
        export.setAccessibleText("Export the story as a WAV file");
        export.disableProperty().bind(vm.renders().render().isNull());
        export.setOnAction(e -> onExport.run());
        HBox bar = new HBox(8, player, gap, regenerate, following, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("transport");
        return bar;
    }

    /** Generate story, with the prompt being typed applied first. */
    public void generateStory() {
        editor.commitPrompt();
        vm.renders().generate();
    }

    private void saveAs() {
        Path current = vm.file().get().toAbsolutePath();
        Path target = files.saveStory(getScene().getWindow(), current.getParent(), current.getFileName().toString());
        if (target == null) {
            return;
        }
        // whether it would replace something is found out on the files thread; the question is asked here
        vm.wouldReplace(target).thenAccept(replace -> {
            if (replace && !ReplaceQuestion.ask(getScene(), target.getFileName().toString())) {
                return;
            }
            vm.saveAs(target, replace);
        });
    }

    private static Button button(String text, String tip, String id) {
        Button b = new Button(text);
        b.setId(id);
        if (!tip.isEmpty()) {
            b.setTooltip(new Tooltip(tip));
            b.setAccessibleText(tip);
        }
        return b;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Label param(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("param-label");
        return l;
    }
}

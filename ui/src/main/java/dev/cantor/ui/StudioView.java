package dev.cantor.ui;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.ui.export.ExportView;
import dev.cantor.ui.export.ExportViewModel;
import dev.cantor.ui.export.Exportable;
import dev.cantor.ui.hum.HumView;
import dev.cantor.ui.prompt.PromptView;
import dev.cantor.ui.shared.FileDialogs;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.ReplaceQuestion;
import dev.cantor.ui.story.StoryExport;
import dev.cantor.ui.story.StoryRender;
import dev.cantor.ui.story.StoryView;
import dev.cantor.ui.takes.Take;
import dev.cantor.ui.takes.TakesView;
import dev.cantor.ui.training.TrainingView;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The studio window's content: model selector on top, the prompt editor on the left, the take
 * (waveform, transport, list) and the hum recorder in tabs in the middle, status at the bottom.
 * Keyboard: Ctrl+Enter generates, Esc cancels, Space plays / pauses (outside text fields).
 */
public final class StudioView extends BorderPane {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    private static final String STYLESHEET = "/dev/cantor/ui/studio.css";

    private final StudioViewModel vm;
    private final FileDialogs files;
    final PromptView prompt;
    final TakesView take;
    final HumView hum;
    final StoryView story;
    final TrainingView training;
    final TabPane tabs = new TabPane();

    public StudioView(StudioViewModel vm, FileDialogs files) {
        this.vm = vm;
        this.files = files;
        getStyleClass().add("studio");

        Label brand = new Label("Cantor");
        brand.getStyleClass().add("brand");
        Label subtitle = new Label("local music studio");
        subtitle.getStyleClass().add("subtitle");
        ComboBox<ModelEntry> models = new ComboBox<>(vm.models().models());
        models.setId("model");
        models.valueProperty().bindBidirectional(vm.models().selected());
        models.setPromptText("No model");
        models.setAccessibleText("Model");
        models.disableProperty().bind(vm.busy());
        Button addModel = new Button("Add model…");
        addModel.setAccessibleText("Add a model folder");
        addModel.setOnAction(e -> {
            Path dir = files.openModelFolder(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                try {
                    vm.models().add(dir);
                } catch (IllegalArgumentException ex) {
                    vm.prompt().statusNote(ex.getMessage());
                }
            }
        });
        ComboBox<DeviceChoice> device = new ComboBox<>(FXCollections.observableList(StudioViewModel.deviceChoices()));
        device.setId("device");
        device.valueProperty().bindBidirectional(vm.device());
        device.setAccessibleText("Device the models run on");
        device.setTooltip(new Tooltip("auto: a CUDA GPU when this Cantor's PyTorch supports one, else the CPU"));
        device.disableProperty().bind(vm.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, brand, subtitle, gap, new Label("Model"), models, addModel,
                new Label("Device"), device);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("top-bar");
        setTop(top);

        prompt = new PromptView(vm.prompt());
        setLeft(prompt);

        take = new TakesView(vm.takes(), vm.playback(), vm.prompt().live().peaks(),
                vm.prompt().live()::stop, this::exportSelected);
        hum = new HumView(vm.hum(), vm.humPlayback(), vm.prompt(), files);
        Tab takeTab = new Tab("Takes", take);
        takeTab.setId("tab-takes");
        Tab humTab = new Tab("Hum a melody", hum);
        humTab.setId("tab-hum");
        story = new StoryView(vm.story(), vm.storyPlayback(), vm.busy(), files, this::exportStory);
        Tab storyTab = new Tab("Story", story);
        storyTab.setId("tab-story");
        training = new TrainingView(vm.training(), vm.models(), files);
        Tab trainingTab = new Tab("Train on my music", training);
        trainingTab.setId("tab-training");
        tabs.getTabs().addAll(takeTab, humTab, storyTab, trainingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        // a new take (also one made from the hum tab) is shown where it can be heard
        vm.takes().selectedTake().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(takeTab);
            }
        });

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.prompt().status());
        Label exportStatus = new Label();
        exportStatus.setId("export-status");
        exportStatus.textProperty().bind(vm.export().message());
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox bottom = new HBox(12, status, gap2, exportStatus);
        bottom.setPadding(new Insets(6, 14, 6, 14));
        bottom.getStyleClass().add("status-bar");
        setBottom(bottom);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Puts the cursor in the prompt, ready to type. */
    public void focusPrompt() {
        prompt.focusPrompt();
    }

    /** A scene of the studio at its default size, themed. */
    public static Scene scene(StudioView view) {
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(StudioView.class.getResource(STYLESHEET).toExternalForm());
        return scene;
    }

    private static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private void onKey(KeyEvent e) {
        boolean inStory = tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getContent() == story;
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (GENERATE.match(e)) {
            if (inStory) {
                story.generateStory();
            } else {
                vm.prompt().generate();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.busy().get()) {
            vm.prompt().cancel();
            vm.story().renders().cancel();
            e.consume();
        } else if (inStory && !typing && UNDO.match(e)) {
            vm.story().timeline().undo();
            e.consume();
        } else if (inStory && !typing && (REDO.match(e) || REDO_SHIFT.match(e))) {
            vm.story().timeline().redo();
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && !typing && tabs.getSelectionModel().getSelectedIndex() == 0) {
            vm.playback().togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && !typing && inStory) {
            vm.storyPlayback().togglePlay();
            e.consume();
        }
    }

    /** The export dialog for the selected take; asks before replacing a file. */
    void exportSelected() {
        Take selected = vm.takes().selectedTake().get();
        if (selected != null) {
            export(selected);
        }
    }

    /** The export dialog for the story's last render. */
    void exportStory() {
        StoryRender render = vm.story().renders().render().get();
        if (render != null) {
            ModelEntry model = vm.models().selected().get();
            export(new StoryExport(vm.story().project(), render, model == null ? "" : model.name()));
        }
    }

    private void export(Exportable item) {
        String folder = vm.settings().exportFolder();
        Path initial = Path.of(folder == null ? System.getProperty("user.home") : folder)
                .resolve(item.suggestedName());
        ExportView pane = new ExportView(vm.export(), item, initial, files);
        Dialog<ButtonType> dialog = exportDialog(pane);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get().getButtonData() != ButtonBar.ButtonData.OK_DONE) {
            return;
        }
        Path target = pane.path();
        if (target == null) {
            vm.prompt().statusNote("Export cancelled: no file name given.");
            return;
        }
        boolean confirmed = false;
        if (ExportViewModel.needsConfirmation(target)) {
            if (!ReplaceQuestion.ask(getScene(), target.getFileName() + " (or its .json)")) {
                return;
            }
            confirmed = true;
        }
        Path parent = target.toAbsolutePath().getParent();
        vm.export().export(item, target, confirmed, written -> {
            if (written != null && parent != null) {
                vm.rememberExport(parent.toString());
            }
        });
    }

    private Dialog<ButtonType> exportDialog(ExportView pane) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export take");
        dialog.setDialogPane(exportDialogPane(pane));
        dialog.initOwner(getScene().getWindow());
        return dialog;
    }

    private DialogPane exportDialogPane(ExportView content) {
        DialogPane pane = new DialogPane();
        pane.setId("export-dialog");
        pane.setHeaderText("Export the take as a WAV file");
        pane.setContent(content);
        pane.getButtonTypes().addAll(new ButtonType("Export", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        if (getScene() != null) {
            pane.getStylesheets().addAll(getScene().getStylesheets());
        }
        return pane;
    }

    /** The export dialog's content for a screenshot (not shown as a window). */
    public javafx.scene.Parent exportPreview() {
        Take selected = vm.takes().selectedTake().get();
        if (selected == null) {
            throw new IllegalStateException("no take to export");
        }
        Path initial = Path.of(System.getProperty("user.home")).resolve(selected.suggestedName());
        return exportDialogPane(new ExportView(vm.export(), selected, initial, files));
    }

    /** Shows the hum recorder tab. */
    public void showHumTab() {
        tabs.getSelectionModel().select(1);
    }

    /** Shows the story tab. */
    public void showStoryTab() {
        tabs.getSelectionModel().select(2);
    }

    /** Shows the training tab. */
    public void showTrainingTab() {
        tabs.getSelectionModel().select(3);
    }

    /** Shows the takes tab. */
    public void showTakesTab() {
        tabs.getSelectionModel().select(0);
    }
}

package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.app.StudioLauncher;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.FileDialogs;
import dev.cantor.ui.shared.SettingsStore;
import dev.cantor.ui.story.StoryViewModel;
import dev.cantor.ui.StudioView;
import dev.cantor.ui.StudioViewModel;
import dev.cantor.ui.shared.WaveformView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio window, headless (Monocle), against the real engine with a tiny model: prompt,
 * Generate with progress, a take with its waveform, cancel, export, and the hum recorder.
 */
@ExtendWith(ApplicationExtension.class)
class StudioFxTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path hum;
    static Path exported;
    static Path library;
    StudioViewModel vm;
    StudioView view;

    @BeforeAll
    static void buildModel() throws Exception {
        TinyModels tiny = TinyModels.build(dir);
        model = dir.resolve("model");
        tiny.trainLm(model, "--steps", "3", "--checkpoint-every", "3");
        hum = dir.resolve("hum.wav");
        float[] x = new float[2 * 32000];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += 2 * Math.PI * (i < 32000 ? 220 : 330) / 32000.0;
            x[i] = (float) (0.4 * Math.sin(phase));
        }
        WavWriter.write(hum, new AudioClip(x, 32000), SampleFormat.PCM_16);
        exported = dir.resolve("exports").resolve("take.wav");
        library = dir.resolve("my music");
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 5; i++) {
            float[] song = new float[10 * 32000];
            for (int t = 0; t < song.length; t++) {
                double beat = (t % 16000) / 32000.0;
                song[t] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 50 * i) * t / 32000.0) * Math.exp(-2 * beat)
                        + 0.2 * (r.nextDouble() - 0.5) * Math.exp(-40 * beat));
            }
            Path f = library.resolve((i < 3 ? "album/" : "") + "song " + i + ".wav");
            Files.createDirectories(f.getParent());
            WavWriter.write(f, new AudioClip(song, 32000), SampleFormat.PCM_16);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path config = Files.createTempDirectory(dir, "config");
        vm = StudioLauncher.viewModel(new EngineWorker(Platform::runLater), new SettingsStore(config), model);
        FileDialogs files = new FileDialogs() {
            @Override
            public Path openWav(Window owner) {
                return hum;
            }

            @Override
            public Path saveWav(Window owner, Path folder, String suggestedName) {
                return exported;
            }

            @Override
            public Path openModelFolder(Window owner) {
                return null;
            }

            @Override
            public Path openStory(Window owner, Path folder) {
                return null;
            }

            @Override
            public Path openMusicFolder(Window owner) {
                return library;
            }

            @Override
            public Path saveStory(Window owner, Path folder, String suggestedName) {
                return null;
            }

            @Override
            public Path saveMidi(Window owner, String suggestedName) {
                return dir.resolve("hum.mid");
            }
        };
        view = new StudioView(vm, files);
        stage.setScene(StudioView.scene(view));
        stage.show();
    }

    @AfterAll
    static void cleanUp() {
        // the toolkit stays up for other TestFX classes; nothing else to close here
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; status: " + vm.prompt().status().get()
                    + "; error: " + vm.prompt().error().get() + "; prompt: " + vm.prompt().prompt().get(), e);
        }
    }

    @Test
    void generateCancelExportAndHum(FxRobot robot) throws Exception {
        robot.clickOn("#prompt").write("calm piano, 90 bpm");
        robot.interact(() -> vm.prompt().seconds().set(2));
        List<Double> progress = new ArrayList<>();
        robot.interact(() -> vm.prompt().progress().addListener((o, a, b) -> progress.add(b.doubleValue())));
        robot.clickOn("#generate");
        waitFor("a take appears", () -> !vm.takes().takes().isEmpty());
        assertTrue(progress.stream().filter(p -> p > 0 && p < 1).count() >= 3,
                "the progress bar moved through the generation: " + progress);
        ListView<?> takes = robot.lookup("#takes").queryAs(ListView.class);
        assertEquals(1, takes.getItems().size());
        assertNotNull(vm.takes().selectedTake().get().peaks(), "the take has a waveform");
        assertEquals(2 * 32000, vm.takes().selectedTake().get().audio().length());

        // a long second generation, cancelled while it runs: the window stays usable
        robot.interact(() -> vm.prompt().seconds().set(600));
        robot.clickOn("#generate");
        waitFor("the second generation runs", () -> vm.prompt().progress().get() > 0.05);
        waitFor("the take streams before it is done", () -> vm.prompt().live().streaming().get());
        assertTrue(vm.prompt().running().get() && vm.takes().takes().size() == 1, "streaming began mid-take");
        assertTrue(vm.prompt().live().received().get() > 0);
        assertNotNull(robot.lookup("#waveform").queryAs(WaveformView.class).peaks().get(), "the waveform fills in");
        ProgressBar bar = robot.lookup("#progress").queryAs(ProgressBar.class);
        assertTrue(bar.isVisible());
        robot.clickOn("#cancel");
        waitFor("cancelled", () -> !vm.prompt().running().get());
        assertEquals("Cancelled", vm.prompt().status().get());
        assertEquals(1, vm.takes().takes().size());
        assertFalse(robot.lookup("#generate").queryAs(Button.class).isDisabled());

        // export through the dialog; the file is read back
        robot.clickOn("#export");
        TextField file = robot.lookup("#export-file").queryAs(TextField.class);
        robot.interact(() -> file.setText(exported.toString()));
        robot.clickOn("Export");
        waitFor("the export is written", () -> Files.exists(exported) && !vm.export().busy().get());
        AudioClip back = AudioLoader.loadMono(exported, 44100);
        assertEquals(2 * 44100, back.length(), 2);
        assertTrue(Files.readString(exported.resolveSibling("take.json")).contains("calm piano, 90 bpm"));

        // the hum recorder: import a two-note sine melody and see its contour
        robot.interact(view::showHumTab);
        robot.clickOn("#import-hum");
        waitFor("the hum and its contour are imported",
                () -> vm.hum().hum().get() != null && vm.hum().contour().get().length > 0);
        float[] contour = vm.hum().contour().get();
        long voiced = 0;
        for (float f : contour) {
            voiced += f > 0 ? 1 : 0;
        }
        assertTrue(voiced > contour.length * 0.8, "a contour for the melody: " + voiced + " of " + contour.length);
        assertFalse(robot.lookup("#use-melody").queryAs(Button.class).isDisabled());

        // the hum as MIDI, then offered for dragging out
        robot.clickOn("#export-midi");
        waitFor("the MIDI is written", () -> vm.hum().midiFile().get() != null || vm.hum().message().get().startsWith("No"));
        assertEquals(dir.resolve("hum.mid"), vm.hum().midiFile().get(), vm.hum().message().get());
        assertTrue(Files.size(dir.resolve("hum.mid")) > 0);
        javafx.scene.Node dragMidi = robot.lookup("#drag-midi").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dragMidi.isVisible() && dragMidi.getOnDragDetected() != null, "the MIDI is a drag source");

        // the take is a drag source of its WAV, written for the drag
        robot.interact(view::showTakesTab);
        javafx.scene.Node dragTake = robot.lookup("#drag-take").query();
        assertNotNull(dragTake.getOnDragDetected(), "the take is a drag source");
        Path dragged = vm.takes().dragFile(vm.takes().selectedTake().get());
        assertEquals(vm.takes().selectedTake().get().audio().length(), AudioLoader.loadMono(dragged, 32000).length());
        assertEquals(List.of(dragged.toFile()), dev.cantor.ui.shared.DragOut.content(dragged).getFiles());

        // the loop toggle: a loop take of whole bars, played looped, exported with loop points
        robot.clickOn("#loop-toggle");
        robot.interact(() -> vm.prompt().seconds().set(2));
        robot.clickOn("#generate");
        waitFor("the loop take appears", () -> vm.takes().takes().size() == 2 && !vm.prompt().running().get());
        assertTrue(vm.takes().selectedTake().get().isLoop(), "the toggle made a loop take");
        assertTrue(vm.playback().loop().get() && vm.playback().hasSelection(), "a loop plays looped");
        Path loopCopy = vm.takes().dragFile(vm.takes().selectedTake().get());
        byte[] bytes = Files.readAllBytes(loopCopy);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("smpl"),
                "the loop's WAV carries loop points");
    }

    @Test
    void buildGenerateAndRegenerateAStory(FxRobot robot) throws Exception {
        robot.interact(view::showStoryTab);
        StoryViewModel story = vm.story();
        assertEquals(2, story.sections().size(), "a first start shows a starter story");

        // build three sections: add one, write each prompt in the editor
        robot.clickOn("#story-add");
        assertEquals(3, story.sections().size());
        String[] prompts = {"calm piano intro, 70 bpm", "strings join, building tension, 100 bpm",
            "full orchestra climax, 130 bpm"};
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#section-block-" + (i + 1));
            robot.doubleClickOn("#story-prompt").eraseText(80).write(prompts[i]);
        }
        robot.clickOn("#section-block-1");            // leaving the prompt field applies it
        assertEquals(List.of(prompts), story.sections().stream().map(StorySection::prompt).toList());

        // drag the third block's right edge: it gets shorter; drag the first block past the second: reorder
        double before = story.sections().get(2).seconds();
        robot.drag("#section-edge-3").dropBy(-80, 0);
        assertTrue(story.sections().get(2).seconds() < before, "the edge drag shortened section 3");
        robot.drag("#section-block-1").dropTo(robot.point("#section-block-2").atPosition(javafx.geometry.Pos.CENTER_RIGHT)
                .atOffset(new javafx.geometry.Point2D(-20, 0)));
        assertEquals(prompts[0], story.sections().get(1).prompt(), "the block drag moved section 1 after section 2");
        robot.clickOn("#story-undo");
        assertEquals(List.of(prompts), story.sections().stream().map(StorySection::prompt).toList());

        // short sections for the tiny model, then generate with per-section progress
        robot.interact(() -> {
            story.timeline().setTransitionSeconds(0.5);       // first: a transition must be shorter than every section
            for (int i = 0; i < 3; i++) {
                story.timeline().resizeSection(i, 2);
            }
        });
        List<Integer> active = new ArrayList<>();
        robot.interact(() -> story.renders().activeSection().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && !active.contains(b.intValue())) {
                active.add(b.intValue());
            }
        }));
        robot.clickOn("#story-generate");
        waitFor("the story is rendered", () -> story.renders().render().get() != null && !story.renders().running().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 1, 2), active, "progress named each section in turn");
        long[] markers = robot.lookup("#story-waveform").queryAs(WaveformView.class).markers().get();
        assertNotNull(markers, "the waveform shows section markers");
        assertEquals(3, markers.length);
        int rate = story.renders().render().get().result().audio().sampleRate();
        for (int i = 0; i < 3; i++) {
            assertEquals(2.0 * i * rate, markers[i], rate / 20.0, "marker " + (i + 1));
        }
        assertEquals(6.0, story.renders().render().get().result().audio().seconds(), 0.05);

        // regenerate the middle section: everything before it is kept to the sample
        float[] first = story.renders().render().get().result().audio().samples();
        robot.clickOn("#section-block-2");
        robot.clickOn("#story-regenerate");
        waitFor("section 2 is made again", () -> !story.renders().running().get()
                && story.renders().render().get().result().audio().samples() != first);
        float[] second = story.renders().render().get().result().audio().samples();
        int keptUntil = (int) markers[1] - rate / 10;     // the last 0.1 s before the section is the blend
        for (int t = 0; t < keptUntil; t++) {
            assertEquals(first[t], second[t], "sample " + t + " of section 1 is kept");
        }
        assertNotNull(story.sections().get(1).seed(), "the new seed is kept in the project");
        assertTrue(story.awaitFiles(10), "the project is saved");
        assertEquals(2, dev.cantor.engine.story.StoryProjects.read(story.file().get()).takes().size());
    }

    @Test
    void importCaptionFineTunePauseResumeAndPickTheModel(FxRobot robot) throws Exception {
        robot.interact(view::showTrainingTab);
        dev.cantor.ui.training.TrainingViewModel training = vm.training();
        robot.clickOn("#training-choose");
        waitFor("the library is read", () -> training.library().get() != null && !training.busy().get());
        WaitForAsyncUtils.waitForFxEvents();      // the table fills in the listeners of the same FX event
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.cantor.engine.api.finetune.LibraryTrack> table = robot.lookup("#training-table")
                .queryAs(javafx.scene.control.TableView.class);
        assertEquals(5, table.getItems().size());

        // edit the first caption in the table
        robot.interact(() -> table.edit(0, table.getColumns().get(3)));
        waitFor("the caption's editor opens", () -> robot.lookup("#training-table .text-field").tryQuery().isPresent());
        TextField editor = robot.lookup("#training-table .text-field").queryAs(TextField.class);
        robot.interact(() -> editor.setText("my own piano caption"));
        robot.clickOn(editor).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String first = training.library().get().tracks().get(0).path();
        assertEquals("my own piano caption", training.library().get().tracks().get(0).caption());
        assertTrue(training.library().get().tracks().get(0).captionEdited());

        // a short fine-tune of the tiny model: the chart moves, pause, resume, then it is in the selector
        robot.interact(() -> {
            training.minutes().set(0.3);
            training.modelName().set("Tiny on my music");
        });
        robot.clickOn("#training-codec");             // the codec is tuned first, then the LM
        assertTrue(training.tuneCodec().get());
        robot.clickOn("#training-start");
        waitFor("the chart moves (training: " + training.status().get() + " / " + training.message().get() + ")",
                () -> training.trainLoss().size() >= 3 || !training.message().get().isEmpty());
        assertEquals("", training.message().get());
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#training-chart").queryAs(
                javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(chart.getData().get(0).getData().isEmpty(), "the training curve is drawn");
        assertFalse(training.codecSnr().isEmpty(), "the codec was tuned before the LM");
        javafx.scene.chart.LineChart<?, ?> codecChart = robot.lookup("#training-codec-chart").queryAs(
                javafx.scene.chart.LineChart.class);
        assertTrue(codecChart.isVisible() && !codecChart.getData().get(0).getData().isEmpty(),
                "the codec's reconstruction curve is drawn");
        String codecFigures = robot.lookup("#training-codec-figures").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(codecFigures.contains("base SI-SNR") && codecFigures.contains("tuned: SI-SNR"), codecFigures);
        robot.clickOn("#training-pause");
        waitFor("paused", () -> !training.busy().get());
        assertTrue(training.status().get().startsWith("Paused"), training.status().get());
        long pausedAt = training.trainLoss().get(training.trainLoss().size() - 1).step();
        robot.clickOn("#training-resume");
        waitFor("the fine-tune ends", () -> !training.busy().get() && training.status().get().startsWith("Done"));
        assertTrue(training.trainLoss().get(training.trainLoss().size() - 1).step() > pausedAt, "it went on");
        assertTrue(vm.models().models().stream().anyMatch(m -> m.name().contains("Tiny on my music")),
                "the new model is in the selector: " + vm.models().models());
        assertTrue(Files.readString(training.job().get().resolve("finetune/library.json"))
                .contains("my own piano caption"), first + "'s edited caption was used");
    }
}

package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.app.StudioLauncher;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.ui.EngineWorker;
import dev.cantor.ui.FileDialogs;
import dev.cantor.ui.SettingsStore;
import dev.cantor.ui.StudioView;
import dev.cantor.ui.StudioViewModel;
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
            throw new AssertionError("timed out waiting until " + what + "; status: " + vm.generate().status().get()
                    + "; error: " + vm.generate().error().get() + "; prompt: " + vm.generate().prompt().get(), e);
        }
    }

    @Test
    void generateCancelExportAndHum(FxRobot robot) throws Exception {
        robot.clickOn("#prompt").write("calm piano, 90 bpm");
        robot.interact(() -> vm.generate().seconds().set(2));
        List<Double> progress = new ArrayList<>();
        robot.interact(() -> vm.generate().progress().addListener((o, a, b) -> progress.add(b.doubleValue())));
        robot.clickOn("#generate");
        waitFor("a take appears", () -> !vm.generate().takes().isEmpty());
        assertTrue(progress.stream().filter(p -> p > 0 && p < 1).count() >= 3,
                "the progress bar moved through the generation: " + progress);
        ListView<?> takes = robot.lookup("#takes").queryAs(ListView.class);
        assertEquals(1, takes.getItems().size());
        assertNotNull(vm.generate().selectedTake().get().peaks(), "the take has a waveform");
        assertEquals(2 * 32000, vm.generate().selectedTake().get().audio().length());

        // a long second generation, cancelled while it runs: the window stays usable
        robot.interact(() -> vm.generate().seconds().set(600));
        robot.clickOn("#generate");
        waitFor("the second generation runs", () -> vm.generate().progress().get() > 0.05);
        ProgressBar bar = robot.lookup("#progress").queryAs(ProgressBar.class);
        assertTrue(bar.isVisible());
        robot.clickOn("#cancel");
        waitFor("cancelled", () -> !vm.generate().running().get());
        assertEquals("Cancelled", vm.generate().status().get());
        assertEquals(1, vm.generate().takes().size());
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
        waitFor("the hum is imported", () -> vm.hum().hum().get() != null);
        float[] contour = vm.hum().contour().get();
        long voiced = 0;
        for (float f : contour) {
            voiced += f > 0 ? 1 : 0;
        }
        assertTrue(voiced > contour.length * 0.8, "a contour for the melody: " + voiced + " of " + contour.length);
        assertFalse(robot.lookup("#use-melody").queryAs(Button.class).isDisabled());
    }
}

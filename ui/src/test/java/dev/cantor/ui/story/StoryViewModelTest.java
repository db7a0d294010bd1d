package dev.cantor.ui.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.EngineServices;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.io.Fifos;
import dev.cantor.engine.story.StoryProjects;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.FakeEngine;
import dev.cantor.ui.shared.LocalServices;
import dev.cantor.ui.shared.ModelEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryViewModelTest {

    @TempDir
    Path dir;

    final EngineWorker worker = new EngineWorker(Runnable::run);
    final FakeEngine engine = new FakeEngine();
    final EngineSession session = new EngineSession(m -> engine,
            new SimpleObjectProperty<>(new ModelEntry("test", Path.of("models/test"), true)));
    final List<Path> remembered = new ArrayList<>();
    final EngineServices services = LocalServices.create();

    final List<StoryViewModel> opened = new ArrayList<>();

    StoryViewModel open(String last) {
        StoryViewModel vm = new StoryViewModel(worker, session, services.stories(), services.analysis(),
                dir.resolve("stories"), last, remembered::add);
        opened.add(vm);
        return vm;
    }

    /**
     * Waits until the engine thread and the stories' files thread have done what was asked: a
     * render's take is recorded in the project, which is then saved, after the render.
     */
    void settle() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            assertTrue(worker.awaitIdle(10));
            for (StoryViewModel vm : opened) {
                assertTrue(vm.awaitFiles(10));
            }
        }
    }

    static <T> T done(CompletableFuture<T> outcome) throws Exception {
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeWorker() {
        opened.forEach(StoryViewModel::close);
        worker.close();
    }

    private static List<String> prompts(StoryViewModel vm) {
        return vm.sections().stream().map(StorySection::prompt).toList();
    }

    @Test
    void aFirstStartGivesAStarterStoryThatIsSavedWithEveryEdit() throws Exception {
        StoryViewModel vm = open(null);
        Path file = vm.file().get();
        assertTrue(Files.exists(file), "the new story is on disk at once");
        assertEquals(List.of(file), remembered);
        assertEquals(2, vm.sections().size());

        vm.timeline().setPrompt(1, "full orchestra climax, 120 bpm");
        vm.timeline().setTransitionSeconds(1.5);
        settle();
        StoryProject onDisk = StoryProjects.read(file);
        assertEquals("full orchestra climax, 120 bpm", onDisk.sections().get(1).prompt());
        assertEquals(1.5, onDisk.transitionSeconds());
    }

    @Test
    void timelineEditsUndoAndRedoInOrder() {
        StoryViewModel vm = open(null);
        vm.timeline().setPrompt(0, "A");
        vm.timeline().setPrompt(1, "B");
        vm.timeline().selected().set(1);
        vm.timeline().addSection();                 // A B B'
        assertEquals(List.of("A", "B", "B"), prompts(vm));
        assertEquals(2, vm.timeline().selected().get());
        vm.timeline().setPrompt(2, "C");
        vm.timeline().duplicateSection(0);          // A A B C
        vm.timeline().moveSection(3, 0);            // C A A B
        assertEquals(List.of("C", "A", "A", "B"), prompts(vm));
        assertEquals(0, vm.timeline().selected().get());
        vm.timeline().resizeSection(0, 4.04);
        assertEquals(4.0, vm.sections().get(0).seconds());
        vm.timeline().deleteSection(1);             // C A B
        assertEquals(List.of("C", "A", "B"), prompts(vm));
        assertEquals("Delete section 2", vm.timeline().undoLabel().get());

        vm.timeline().undo();
        assertEquals(List.of("C", "A", "A", "B"), prompts(vm));
        vm.timeline().undo();
        assertEquals(10.0, vm.sections().get(0).seconds());
        vm.timeline().undo();
        assertEquals(List.of("A", "A", "B", "C"), prompts(vm));
        assertTrue(vm.timeline().canRedo().get());
        assertEquals("Move section 4", vm.timeline().redoLabel().get());
        vm.timeline().redo();
        assertEquals(List.of("C", "A", "A", "B"), prompts(vm));
        vm.timeline().setPrompt(0, "D");            // a new edit clears the redo list
        assertFalse(vm.timeline().canRedo().get());
        for (int i = 0; i < 20 && vm.timeline().canUndo().get(); i++) {
            vm.timeline().undo();
        }
        assertEquals(List.of("calm piano intro, 70 bpm", "driving drums and bass, 140 bpm"), prompts(vm));
    }

    @Test
    void editsThatWouldBreakTheStoryAreRefusedWithAReason() throws Exception {
        StoryViewModel vm = open(null);
        byte[] before = Files.readAllBytes(vm.file().get());
        vm.timeline().setTransitionSeconds(12);                 // longer than a section
        assertTrue(vm.message().get().contains("transition_seconds"), vm.message().get());
        vm.timeline().setPrompt(0, "  ");
        assertTrue(vm.message().get().contains("section 1"), vm.message().get());
        vm.timeline().deleteSection(0);
        vm.timeline().deleteSection(0);
        assertTrue(vm.message().get().contains("at least one section"), vm.message().get());
        assertEquals(1, vm.sections().size());
        vm.timeline().undo();
        assertEquals(2, vm.sections().size());
        settle();
        assertArrayEquals(before, Files.readAllBytes(vm.file().get()));
    }

    @Test
    void generatingShowsEachSectionInTurnAndKeepsTheRenderBesideTheProject() throws Exception {
        StoryViewModel vm = open(null);
        vm.timeline().addSection();
        vm.timeline().resizeSection(2, 4);
        List<Integer> active = new ArrayList<>();
        vm.renders().activeSection().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && (active.isEmpty() || active.get(active.size() - 1) != b.intValue())) {
                active.add(b.intValue());
            }
        });
        List<Double> progress = new ArrayList<>();
        vm.renders().progress().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.renders().generate();
        settle();

        assertEquals(List.of(0, 1, 2), active);
        for (int i = 2; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        StoryRender render = vm.renders().render().get();
        assertNotNull(render);
        assertArrayEquals(new long[] {0, 10 * FakeEngine.RATE, 20 * FakeEngine.RATE}, render.markerSamples());
        assertEquals(24.0, render.result().audio().seconds(), 1e-9);
        assertFalse(vm.renders().running().get());
        assertFalse(session.busy().get());

        StoryProject onDisk = StoryProjects.read(vm.file().get());
        assertEquals(1, onDisk.takes().size());
        assertTrue(Files.isRegularFile(vm.file().get().resolveSibling(onDisk.takes().get(0).file())));

        StoryViewModel reopened = open(vm.file().get().toString());
        settle();
        assertNotNull(reopened.renders().render().get(), reopened.message().get());
        assertArrayEquals(render.markerSamples(), reopened.renders().render().get().markerSamples());
        assertArrayEquals(render.result().audio().samples(), reopened.renders().render().get().result().audio().samples());
    }

    @Test
    void regeneratingASectionKeepsWhatCameBeforeAndRecordsItsNewSeed() throws Exception {
        StoryViewModel vm = open(null);
        vm.timeline().addSection();
        vm.renders().generate();
        settle();
        float[] first = vm.renders().render().get().result().audio().samples();

        vm.renders().regenerateFollowing().set(true);
        vm.renders().regenerateSection(1);
        settle();
        assertArrayEquals(new int[] {1, 1}, engine.regenerations.get(0));
        Long seed = vm.sections().get(1).seed();
        assertNotNull(seed, "the new seed is kept in the project");
        assertEquals(seed.longValue(), engine.storyRequests.get(1).sections().get(1).seed());
        float[] second = vm.renders().render().get().result().audio().samples();
        int boundary = 10 * FakeEngine.RATE;
        for (int t = 0; t < boundary; t++) {
            assertEquals(first[t], second[t], "sample " + t + " before the section is kept");
        }
        assertEquals(2, StoryProjects.read(vm.file().get()).takes().size());

        vm.timeline().resizeSection(0, 5);
        vm.renders().regenerateSection(1);
        assertTrue(vm.message().get().contains("lengths changed"), vm.message().get());
        assertEquals(1, engine.regenerations.size());
    }

    @Test
    void cancellingARenderLeavesTheStoryAndItsLastRenderAsTheyWere() throws Exception {
        StoryViewModel vm = open(null);
        engine.hold = new CountDownLatch(1);
        vm.renders().generate();
        assertTrue(engine.reachedHold.await(10, TimeUnit.SECONDS));
        assertTrue(session.busy().get());
        vm.renders().cancel();
        engine.hold.countDown();
        settle();
        assertFalse(vm.renders().running().get());
        assertFalse(session.busy().get());
        assertNull(vm.renders().render().get());
        assertTrue(vm.renders().status().get().startsWith("Cancelled"), vm.renders().status().get());
        assertEquals(0, StoryProjects.read(vm.file().get()).takes().size());

        engine.hold = null;
        vm.renders().generate();
        settle();
        assertNotNull(vm.renders().render().get());
    }

    @Test
    void aNewerOrBrokenProjectIsNotOpenedAndNotTouched() throws Exception {
        Path newer = dir.resolve("newer.json");
        String text = "{\"format\": \"cantor-project\", \"version\": 9, \"sections\": []}";
        Files.writeString(newer, text);
        StoryViewModel vm = open(newer.toString());
        assertTrue(vm.message().get().contains("newer Cantor"), vm.message().get());
        assertNotEquals(newer, vm.file().get());
        vm.timeline().setPrompt(0, "edited");
        settle();
        assertEquals(text, Files.readString(newer));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"cantor-project\", \"version\": 1, \"sections\": [");
        assertFalse(done(vm.open(broken)));
        assertTrue(vm.message().get().contains("damaged"), vm.message().get());
        assertEquals("edited", vm.sections().get(0).prompt());
    }

    @Test
    void aFifoAsTheSavedProjectDoesNotHangStartUp() throws Exception {
        Path fifo = Fifos.make(dir.resolve("story.json"));
        StoryViewModel vm = open(fifo.toString());          // reading it would block until a writer came
        assertTrue(vm.message().get().contains("not a regular file"), vm.message().get());
        assertNotEquals(fifo, vm.file().get());
        assertEquals(2, vm.sections().size(), "the starter story instead");
        assertFalse(done(vm.open(dir)));
        assertTrue(vm.message().get().contains("not a regular file"), vm.message().get());
    }

    @Test
    void saveAsTakesTheRendersAlongAndAsksBeforeReplacing() throws Exception {
        StoryViewModel vm = open(null);
        vm.renders().generate();
        settle();
        Path target = dir.resolve("music/my story.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "keep me");
        assertFalse(done(vm.saveAs(target, false)));
        assertEquals("keep me", Files.readString(target));
        StoryRender before = vm.renders().render().get();
        assertNotNull(before, "the render is on screen");
        assertTrue(done(vm.saveAs(target, true)));
        assertEquals(target.toAbsolutePath(), vm.file().get());
        StoryProject saved = StoryProjects.read(target);
        assertEquals("my story.takes/take-001.wav", saved.takes().get(0).file());
        StoryRender after = vm.renders().render().get();
        assertNotNull(after, "Save as keeps the render on screen");
        assertSame(before.result(), after.result());
        assertEquals(saved.takes().get(0), after.take(), "pointing at its copy in the new project");
        assertTrue(Files.isRegularFile(target.resolveSibling(saved.takes().get(0).codes())));
        vm.timeline().setPrompt(0, "after save as");
        settle();
        assertEquals("after save as", StoryProjects.read(target).sections().get(0).prompt());
    }

    @Test
    void saveAsRefusesToCopyATakeNamedOutsideTheProjectFolder() throws Exception {
        StoryViewModel vm = open(null);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not a take");
        Path file = vm.file().get();
        StoryProject hostile = StoryProjects.read(file).withTakes(List.of(
                new StoryProject.StoryTake("../secret.txt", 1, "2026-01-01T00:00:00Z", List.of())));
        StoryProjects.write(file, hostile);
        assertTrue(done(vm.open(file)));
        Path target = dir.resolve("copies/copy.json");
        assertFalse(done(vm.saveAs(target, false)));
        assertTrue(vm.message().get().contains("outside the project's folder"), vm.message().get());
        assertFalse(Files.exists(target.resolveSibling("copy.takes/secret.txt")));
        assertTrue(Files.exists(secret));
    }

    @Test
    void twoWindowsOnTheSameStoryDoNotSaveOverEachOther() throws Exception {
        StoryViewModel first = open(null);
        Path file = first.file().get();
        StoryViewModel second = open(file.toString());
        assertEquals(file, second.file().get());

        first.timeline().setPrompt(0, "from the first window");
        settle();
        second.timeline().setPrompt(1, "from the second window");
        settle();
        assertTrue(second.message().get().contains("changed outside this window"), second.message().get());
        assertTrue(done(second.fileChangedElsewhere()));
        assertEquals("from the first window", StoryProjects.read(file).sections().get(0).prompt());
        assertEquals("from the second window", second.sections().get(1).prompt(), "the edit stays on screen");

        assertFalse(done(second.saveAs(file, false)));
        assertTrue(done(second.saveAs(file, true)), "saving over it after the musician agreed");
        StoryProject onDisk = StoryProjects.read(file);
        assertEquals("from the second window", onDisk.sections().get(1).prompt());
        first.timeline().setPrompt(0, "first window again");
        settle();
        assertTrue(first.message().get().contains("changed outside this window"), first.message().get());
        assertEquals("from the second window", StoryProjects.read(file).sections().get(1).prompt());
    }

    @Test
    void aSectionFollowsAMelodyFileKeptRelativeToTheProject() throws Exception {
        StoryViewModel vm = open(null);
        Path tune = vm.file().get().resolveSibling("tune.wav");
        float[] x = new float[FakeEngine.RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.4 * Math.sin(2 * Math.PI * 330 * i / FakeEngine.RATE));
        }
        dev.cantor.engine.audio.WavWriter.write(tune, new dev.cantor.engine.audio.AudioClip(x, FakeEngine.RATE),
                dev.cantor.engine.audio.SampleFormat.PCM_16);
        assertTrue(done(vm.setMelody(1, tune)));
        assertEquals("tune.wav", vm.sections().get(1).melody());
        Path elsewhere = dir.resolve("elsewhere.wav");
        Files.copy(tune, elsewhere);
        assertTrue(done(vm.setMelody(0, elsewhere)));
        String stem = vm.file().get().getFileName().toString().replace(".json", "");
        assertEquals(stem + ".melodies/elsewhere.wav", vm.sections().get(0).melody(),
                "a melody from outside the project's folder is copied in beside the project");
        Path copy = vm.file().get().resolveSibling(vm.sections().get(0).melody());
        assertEquals(-1, Files.mismatch(elsewhere, copy));

        vm.renders().generate();
        settle();
        assertNotNull(engine.storyRequests.get(0).sections().get(1).melody());
        assertEquals(FakeEngine.RATE, engine.storyRequests.get(0).sections().get(1).melody().length());

        Files.delete(copy);
        vm.renders().generate();
        settle();
        assertTrue(vm.message().get().contains("melody of section 1"), vm.message().get());
        assertEquals(1, engine.storyRequests.size(), "nothing was generated without the melody");
    }
}

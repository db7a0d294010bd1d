package dev.cantor.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.ui.shared.CountingOutput;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.FakeEngine;
import dev.cantor.ui.shared.LocalServices;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.StudioSettings;
import dev.cantor.ui.takes.Take;
import dev.cantor.ui.takes.TakesViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptViewModelTest {

    final EngineWorker worker = new EngineWorker(Runnable::run);
    final FakeEngine engine = new FakeEngine();
    final List<ModelEntry> opened = new ArrayList<>();
    final AtomicInteger settingsSaves = new AtomicInteger();
    final SimpleObjectProperty<ModelEntry> model =
            new SimpleObjectProperty<>(new ModelEntry("test", Path.of("models/test"), true));
    final TakesViewModel takes = new TakesViewModel();
    final CountingOutput output = new CountingOutput();

    PromptViewModel newViewModel() {
        return new PromptViewModel(worker, m -> {
            opened.add(m);
            return engine;
        }, model, StudioSettings.defaults(), settingsSaves::incrementAndGet, LocalServices.create().analysis(),
                takes, new LiveTake(() -> output, Runnable::run, LocalServices.create().analysis()));
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void aGenerationBecomesASelectedTakeWithItsParameters() throws Exception {
        PromptViewModel vm = newViewModel();
        List<Double> progress = new ArrayList<>();
        vm.progress().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.prompt().set("slow piano, 70 bpm");
        vm.seconds().set(2);
        vm.seed().set(42);
        vm.guidance().set(4);
        vm.keyGuidance().set(0.5);
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        assertFalse(vm.running().get());
        assertEquals(1, takes.takes().size());
        Take take = takes.takes().get(0);
        assertEquals(take, takes.selectedTake().get());
        assertEquals("slow piano, 70 bpm", take.request().prompt());
        assertEquals(42, take.request().seed());
        assertEquals(4.0, take.request().sampling().guidance());
        assertEquals(0.5, take.request().sampling().keyGuidance());
        assertEquals(2 * FakeEngine.RATE, take.audio().length());
        assertEquals(take.audio().length(), take.peaks().length());
        assertEquals(1, take.number());
        assertEquals(1.0, vm.progress().get());
        assertTrue(progress.size() > 10, "the bar moved with the engine's steps: " + progress.size());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1) || progress.get(i - 1) < 0, "progress never goes back");
        }
        assertTrue(vm.status().get().startsWith("Take #1"), vm.status().get());
        assertTrue(vm.status().get().endsWith("read from the prompt: 90 bpm"), "what the engine read: " + vm.status().get());
        assertEquals(List.of("slow piano, 70 bpm"), vm.history());
        assertEquals(1, settingsSaves.get());
    }

    @Test
    void cancelStopsTheRunningGenerationAndTheNextOneWorks() throws Exception {
        PromptViewModel vm = newViewModel();
        engine.hold = new CountDownLatch(1);
        vm.prompt().set("jazz trio");
        vm.seconds().set(4);
        vm.generate();
        assertTrue(engine.reachedHold.await(10, TimeUnit.SECONDS));
        assertTrue(vm.running().get());
        vm.cancel();
        assertEquals("Cancelling…", vm.status().get());
        engine.hold.countDown();
        assertTrue(worker.awaitIdle(10));
        assertFalse(vm.running().get());
        assertEquals("Cancelled", vm.status().get());
        assertTrue(takes.takes().isEmpty());
        assertEquals("", vm.error().get(), "a cancel is not an error");

        engine.hold = null;
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        assertEquals(1, takes.takes().size());
        assertEquals(1, opened.size(), "the loaded model is reused");
    }

    @Test
    void theTakeIsHeardAndDrawnWhileItIsMadeAndIsTheSameAudioWhenDone() throws Exception {
        PromptViewModel vm = newViewModel();
        engine.hold = new CountDownLatch(1);
        vm.prompt().set("warm synth pad");
        vm.seconds().set(4);
        vm.generate();
        assertTrue(engine.reachedHold.await(10, TimeUnit.SECONDS));
        // half-way through the frames: the first chunks are playing and drawn, the take is not done
        assertTrue(vm.running().get());
        assertTrue(takes.takes().isEmpty());
        assertTrue(vm.live().streaming().get(), "playback started at the first chunk");
        long heard = vm.live().received().get();
        assertTrue(heard > 0 && heard < 4 * FakeEngine.RATE, "part of the take has arrived: " + heard);
        assertTrue(output.opened, "the take plays on the studio's output");
        assertEquals(4 * FakeEngine.RATE, vm.live().peaks().get().length(), "the waveform has the take's length");
        engine.hold.countDown();
        assertTrue(worker.awaitIdle(10));

        assertFalse(vm.live().streaming().get(), "the finished take replaces the live one");
        assertNull(vm.live().peaks().get());
        assertEquals(1, takes.takes().size());
        float[] audio = takes.takes().get(0).audio().samples();
        assertEquals(4 * FakeEngine.RATE, audio.length);
        for (int i = 0; i < 200; i++) {
            long deadline = System.nanoTime() + 10_000_000L;
            while (output.samples.get() < audio.length && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertEquals(audio.length, output.samples.get(), "every streamed sample reached the output once");
    }

    @Test
    void cancellingSilencesTheTakeBeingHeard() throws Exception {
        PromptViewModel vm = newViewModel();
        engine.hold = new CountDownLatch(1);
        vm.prompt().set("drums");
        vm.seconds().set(4);
        vm.generate();
        assertTrue(engine.reachedHold.await(10, TimeUnit.SECONDS));
        assertTrue(vm.live().streaming().get());
        vm.cancel();
        assertFalse(vm.live().streaming().get(), "cancel stops the sound at once");
        assertNull(vm.live().peaks().get());
        engine.hold.countDown();
        assertTrue(worker.awaitIdle(10));
        assertTrue(takes.takes().isEmpty());
    }

    @Test
    void theLoopToggleMakesALoopTakeOfWholeBars() throws Exception {
        PromptViewModel vm = newViewModel();
        vm.prompt().set("house groove, 90 bpm");        // the fake engine reads 90 bpm from "bpm"
        vm.seconds().set(4);
        vm.loop().set(true);
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        assertEquals("", vm.error().get());
        Take take = takes.selectedTake().get();
        assertTrue(take.isLoop(), "the take is a loop");
        assertTrue(take.loop().bars() >= 1 && take.loop().tempoBpm() == 90.0, take.loopWords());
        double bar = 4 * 60 / 90.0;
        assertEquals(take.loop().bars() * bar, take.audio().seconds(), 1.0 / FakeEngine.RATE * 2, "whole bars");
        assertTrue(take.details().contains("loop: " + take.loop().bars() + " bars of 4/4 at 90 bpm"), take.details());
        assertTrue(vm.status().get().contains("a loop of"), vm.status().get());
    }

    @Test
    void makeFourAddsFourTakesWithTheirSeedsAndTheTimePerTake() throws Exception {
        PromptViewModel vm = newViewModel();
        vm.prompt().set("lofi beat");
        vm.seconds().set(2);
        vm.seed().set(100);
        vm.generateTakes(4);
        assertTrue(worker.awaitIdle(10));
        assertEquals(4, takes.takes().size());
        assertEquals(List.of(103L, 102L, 101L, 100L),
                takes.takes().stream().map(t -> t.request().seed()).toList(), "newest on top, numbered in seed order");
        assertEquals(100L, takes.selectedTake().get().request().seed(), "the first seed, heard while made, is selected");
        assertEquals(1, takes.selectedTake().get().number());
        assertTrue(vm.status().get().startsWith("4 takes (#1–#4)") && vm.status().get().contains("per take"),
                vm.status().get());

        vm.loop().set(true);
        vm.generateTakes(4);
        assertFalse(vm.running().get());
        assertTrue(vm.error().get().contains("one at a time"), vm.error().get());
    }

    @Test
    void badInputIsAMessageNotAGeneration() throws Exception {
        PromptViewModel vm = newViewModel();
        vm.prompt().set("rock");
        vm.seconds().set(0);
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        assertTrue(vm.error().get().contains("length"), vm.error().get());
        assertFalse(vm.running().get());
        assertTrue(engine.requests.isEmpty());

        vm.seconds().set(3);
        vm.prompt().set("   ");
        vm.generate();
        assertTrue(vm.error().get().contains("prompt"), vm.error().get());

        vm.prompt().set("rock");
        vm.temperature().set(50);                 // the engine's range, checked before anything runs
        vm.generate();
        assertTrue(vm.error().get().contains("temperature must be between 0 and 10"), vm.error().get());
        assertTrue(engine.requests.isEmpty());
        vm.temperature().set(1);

        model.set(null);
        vm.prompt().set("rock");
        vm.generate();
        assertTrue(vm.error().get().contains("no model"), vm.error().get());
        assertTrue(engine.requests.isEmpty());
    }

    @Test
    void switchingModelsClosesTheOldEngineAndAFailedLoadIsReported() throws Exception {
        PromptViewModel vm = newViewModel();
        vm.prompt().set("folk");
        vm.seconds().set(1);
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        model.set(new ModelEntry("mine", Path.of("models/mine"), false));
        vm.generate();
        assertTrue(worker.awaitIdle(10));
        assertTrue(engine.closed, "the first model's engine was closed");
        assertEquals(2, opened.size());

        TakesViewModel brokenTakes = new TakesViewModel();
        PromptViewModel broken = new PromptViewModel(worker, m -> {
            throw new java.io.IOException("cannot load the model in /x: lm/ is missing");
        }, model, StudioSettings.defaults(), () -> { }, LocalServices.create().analysis(), brokenTakes,
                new LiveTake(CountingOutput::new, Runnable::run, LocalServices.create().analysis()));
        broken.prompt().set("folk");
        broken.generate();
        assertTrue(worker.awaitIdle(10));
        assertFalse(broken.running().get());
        assertTrue(broken.error().get().contains("lm/ is missing"));
        assertTrue(brokenTakes.takes().isEmpty());
    }

    @Test
    void tagsDiceAndMelodyShapeTheRequest() {
        PromptViewModel vm = newViewModel();
        vm.addTag("piano");
        vm.addTag("70 bpm");
        assertEquals("piano, 70 bpm", vm.prompt().get());
        long before = vm.seed().get();
        boolean changed = false;
        for (int i = 0; i < 5 && !changed; i++) {
            vm.rollSeed();
            changed = vm.seed().get() != before;
        }
        assertTrue(changed);
        assertNull(vm.request().melody());
        vm.melody().set(new dev.cantor.engine.audio.AudioClip(new float[800], 8000));
        assertEquals(800, vm.request().melody().length());
    }
}

package dev.cantor.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.audio.AudioPlayer;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavReader;
import dev.cantor.engine.dsp.WaveformPeaks;
import dev.cantor.ui.shared.CountingOutput;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.PlaybackViewModel;
import dev.cantor.ui.shared.StudioSettings;
import dev.cantor.ui.story.StoryExport;
import dev.cantor.ui.story.StoryRender;
import dev.cantor.ui.takes.Take;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAndPlaybackTest {

    static Take take(double seconds) {
        float[] x = new float[(int) (seconds * 32000)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 32000.0));
        }
        AudioClip clip = new AudioClip(x, 32000);
        GenerationRequest r = GenerationRequest.ofPrompt("Calm piano: 70 bpm!", seconds, 7)
                .withSampling(new SamplingParams(0.9, 100, 1.0, 4.5, 7, 1.5));
        return new Take(3, r, "Cantor default", clip, WaveformPeaks.of(x), 1.5, Instant.parse("2026-11-22T10:00:00Z"), null);
    }

    @Test
    void exportWritesTheChosenFormatAndRateWithItsSettingsBeside(@TempDir Path dir) throws Exception {
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            ExportViewModel vm = new ExportViewModel(worker, StudioSettings.defaults());
            vm.format().set(SampleFormat.PCM_24);
            vm.sampleRate().set(48000);
            Take take = take(1.0);
            assertEquals("calm-piano-70-bpm-seed7.wav", take.suggestedName());
            Path wav = dir.resolve("out").resolve(take.suggestedName());
            AtomicReference<Path> done = new AtomicReference<>();
            vm.export(take, wav, false, done::set);
            assertTrue(worker.awaitIdle(10));
            assertEquals(wav, done.get());
            var info = WavReader.read(wav);
            assertEquals(48000, info.sampleRate());
            assertEquals(24, info.bitsPerSample());
            AudioClip back = AudioLoader.loadMono(wav, 48000);
            assertEquals(48000, back.length(), 2);
            JsonNode json = new ObjectMapper().readTree(Exportable.sidecarPath(wav).toFile());
            assertEquals("Calm piano: 70 bpm!", json.get("prompt").asText());
            assertEquals(7, json.get("seed").asLong());
            assertEquals(4.5, json.get("guidance").asDouble(), "the take's own guidance, not a default");
            assertEquals(1.5, json.get("key_guidance").asDouble(), "and its own key guidance");
            assertEquals("Cantor default", json.get("model").asText());
            assertEquals("PCM_24", json.get("wav_format").asText());
        }
    }

    @Test
    void aLoopTakeExportsWithLoopPointsOverTheWholeClipAndAPlainTakeWithout(@TempDir Path dir) throws Exception {
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            ExportViewModel vm = new ExportViewModel(worker, StudioSettings.defaults());
            vm.sampleRate().set(44100);
            Take plain = take(1.0);
            Take loop = new Take(plain.number(), plain.request(), plain.model(), plain.audio(), plain.peaks(),
                    plain.wallSeconds(), plain.created(),
                    dev.cantor.engine.api.LoopPlan.of(dev.cantor.engine.api.PromptReading.NONE, 1.0));
            Path loopWav = dir.resolve("loop.wav");
            Path plainWav = dir.resolve("plain.wav");
            vm.export(loop, loopWav, false, p -> { });
            vm.export(plain, plainWav, false, p -> { });
            assertTrue(worker.awaitIdle(10));
            long[] points = loopPoints(Files.readAllBytes(loopWav));
            int frames = AudioLoader.loadMono(loopWav, 44100).length();
            assertEquals(44100, frames, 2);
            assertEquals(0, points[0], "the loop starts at the first frame");
            assertEquals(frames - 1, points[1], "and ends at the last (inclusive)");
            assertEquals(null, loopPoints(Files.readAllBytes(plainWav)), "a plain take has no smpl chunk");
        }
    }

    /** Start and end of the first loop in a WAV's smpl chunk, or null without one (read by hand, as a sampler does). */
    static long[] loopPoints(byte[] wav) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(at + 4);
            if (id.equals("smpl")) {
                int loops = b.getInt(at + 8 + 28);
                return loops < 1 ? null : new long[] {b.getInt(at + 8 + 36 + 8) & 0xFFFFFFFFL,
                    b.getInt(at + 8 + 36 + 12) & 0xFFFFFFFFL};
            }
            at += 8 + size + (size & 1);
        }
        return null;
    }

    @Test
    void aStoryExportsWithItsProjectAndSectionTimesBeside(@TempDir Path dir) throws Exception {
        float[] x = new float[3 * 8000];
        dev.cantor.engine.api.StoryResult result = new dev.cantor.engine.api.StoryResult(new AudioClip(x, 8000),
                new int[4][150], new int[] {0, 50, 150}, 50, 0.5);
        var sections = java.util.List.of(dev.cantor.engine.api.story.StorySection.of("calm piano intro, 70 bpm", 1),
                dev.cantor.engine.api.story.StorySection.of("driving drums, 140 bpm", 2));
        var project = dev.cantor.engine.api.story.StoryProject.of(9, sections).withTransitionSeconds(0.5);
        StoryExport story = new StoryExport(project, new StoryRender(result, WaveformPeaks.of(x), sections, null),
                "Cantor default");
        assertEquals("calm-piano-intro-70-bpm-story-seed9.wav", story.suggestedName());
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            ExportViewModel vm = new ExportViewModel(worker, StudioSettings.defaults());
            Path wav = dir.resolve(story.suggestedName());
            AtomicReference<Path> done = new AtomicReference<>();
            vm.export(story, wav, false, done::set);
            assertTrue(worker.awaitIdle(10));
            assertEquals(wav, done.get());
            assertEquals(3 * 44100, AudioLoader.loadMono(wav, 44100).length(), 2);
            JsonNode json = new ObjectMapper().readTree(Exportable.sidecarPath(wav).toFile());
            assertEquals("cantor-story-export", json.get("format").asText());
            assertEquals(1.0, json.get("sections_at").get(1).get("start").asDouble());
            assertEquals("driving drums, 140 bpm", json.get("project").get("sections").get(1).get("prompt").asText());
            assertEquals(9, json.get("project").get("seed").asLong());
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterConfirmation(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("song.wav");
        byte[] mine = "the musician's own recording".getBytes();
        Files.write(wav, mine);
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            ExportViewModel vm = new ExportViewModel(worker, StudioSettings.defaults());
            assertTrue(ExportViewModel.needsConfirmation(wav));
            AtomicReference<Path> done = new AtomicReference<>(Path.of("unset"));
            vm.export(take(0.5), wav, false, done::set);
            assertTrue(worker.awaitIdle(10));
            assertNull(done.get());
            assertArrayEquals(mine, Files.readAllBytes(wav), "not confirmed: untouched");
            assertTrue(vm.message().get().contains("already exists"));
            vm.export(take(0.5), wav, true, done::set);
            assertTrue(worker.awaitIdle(10));
            assertEquals(wav, done.get());
            assertEquals(44100 / 2, AudioLoader.loadMono(wav, 44100).length(), 2);
        }
    }

    @Test
    void playbackRunsToTheEndSeeksAndReportsAMissingDevice() throws Exception {
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            PlaybackViewModel vm = new PlaybackViewModel(new AudioPlayer(CountingOutput::new), Runnable::run);
            Take take = take(0.5);
            vm.clip().set(take.audio());
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
            long[] furthest = new long[1];
            vm.playhead().addListener((o, a, b) -> furthest[0] = Math.max(furthest[0], b.longValue()));
            vm.playing().addListener((o, a, b) -> {
                if (!b) {
                    ended.countDown();
                }
            });
            vm.play();
            assertTrue(ended.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(take.audio().length(), furthest[0], "the playhead reached the end");
            assertEquals(0, vm.playhead().get(), "and went back to the start");

            vm.seek(8000);
            assertEquals(8000, vm.playhead().get());
            vm.select(12000, 4000);
            assertEquals(4000, vm.selectionStart().get());
            assertEquals(12000, vm.selectionEnd().get());
            vm.loop().set(true);
            vm.stop();
            assertEquals(4000, vm.playhead().get(), "stop returns to the loop's start");

            PlaybackViewModel deaf = new PlaybackViewModel(new AudioPlayer(() -> new CountingOutput() {
                @Override
                public void open(int sampleRate) throws AudioDeviceException {
                    throw new AudioDeviceException("cannot play sound: no usable output device (none)");
                }
            }), Runnable::run);
            deaf.clip().set(take.audio());
            deaf.play();
            assertFalse(deaf.playing().get());
            assertTrue(deaf.message().get().contains("no usable output device"));
        }
    }
}

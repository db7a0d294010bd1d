package dev.cantor.engine.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.AudioChunk;
import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hearing a take while it is made, and several takes made at once, through the engine facade, on
 * both kinds of language model: learned positions (restarting windows, as the shipped model) and
 * rotary positions (one pass with a KV cache).
 */
class StreamingGenerationTest {

    @TempDir
    static Path dir;
    static LocalMusicEngine learned;
    static LocalMusicEngine rotary;

    @BeforeAll
    static void buildTinyModels() throws Exception {
        CodecConfig codec = CodecConfig.tiny();
        try (CodecModel c = CodecModel.create(codec, 1)) {
            // one training step gives the EMA codebooks entries: an untrained codec decodes every token to silence
            float[] clip = LocalMusicEngineTest.sine(220, 1.0, 0.4).samples();
            new CodecTrainer(c, CodecTrainingConfig.defaults().withBatch(2, 0.24).withLearningRate(2e-3)
                    .withCheckpointEvery(1000), List.of(clip)).trainStep();
            c.save(dir.resolve("learned").resolve(MusicModel.CODEC_DIR));
            c.save(dir.resolve("rotary").resolve(MusicModel.CODEC_DIR));
        }
        // Windows of 40 frames (0.8 s): a 2.5 s take restarts the learned model's window three times.
        LmConfig lm = LmConfig.tiny(codec.numCodebooks(), codec.codebookSize()).withMaxFrames(40);
        try (TransformerLm l = TransformerLm.create(lm, 2)) {
            l.save(dir.resolve("learned").resolve(MusicModel.LM_DIR));
        }
        try (TransformerLm l = TransformerLm.create(lm.withRotaryPositions(), 2)) {
            l.save(dir.resolve("rotary").resolve(MusicModel.LM_DIR));
        }
        learned = new LocalMusicEngine(MusicModel.load(dir.resolve("learned")), TextEncoder.open());
        rotary = new LocalMusicEngine(MusicModel.load(dir.resolve("rotary")), TextEncoder.open());
    }

    @AfterAll
    static void close() {
        learned.close();
        rotary.close();
    }

    /** Chunks received, with the frames the progress had counted when each came. */
    private static final class Recorder implements AudioStreamListener, ProgressListener {
        final List<AudioChunk> chunks = new ArrayList<>();
        final List<Long> framesWhenHeard = new ArrayList<>();
        long framesDone;

        @Override
        public void onChunk(AudioChunk chunk) {
            chunks.add(chunk);
            framesWhenHeard.add(framesDone);
        }

        @Override
        public void onProgress(long done, long total, ProgressStage stage) {
            if (stage.equals(ProgressStage.GENERATING)) {
                framesDone = done;
            }
        }

        /** Take {@code take}'s chunks joined, checking that they follow on from 0 to the end. */
        float[] joined(int take) {
            float[] out = null;
            int next = 0;
            for (AudioChunk c : chunks) {
                if (c.take() != take) {
                    continue;
                }
                if (out == null) {
                    out = new float[c.totalSamples()];
                }
                assertEquals(next, c.offset(), "chunks follow on without gaps or overlaps");
                assertFalse(next > 0 && out.length != c.totalSamples());
                System.arraycopy(c.samples(), 0, out, c.offset(), c.samples().length);
                next = c.end();
                assertEquals(next == out.length, c.isLast());
            }
            assertEquals(out.length, next, "the chunks reach the end");
            return out;
        }
    }

    private static void assertSameAudio(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double peak = 1e-9;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            peak = Math.max(peak, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(peak > 1e-4, what + ": the decoder makes sound");
        // float rounding: the decoder runs on shorter stretches (about 1e-7 of the peak measured)
        assertTrue(worst < 1e-5 * peak, what + ": largest difference " + worst + " against a peak of " + peak);
    }

    @Test
    void aStreamedTakeIsTheOneShotTakeAndIsHeardLongBeforeItIsDone() {
        GenerationRequest request = GenerationRequest.ofPrompt("calm piano, 70 bpm", 2.5, 3);
        for (LocalMusicEngine engine : new LocalMusicEngine[] {learned, rotary}) {
            String kind = engine == learned ? "learned positions" : "rotary positions";
            GenerationResult plain = engine.generate(request, ProgressListener.NONE, CancellationToken.NEVER);
            Recorder heard = new Recorder();
            GenerationResult streamed = engine.generate(request, heard, heard, CancellationToken.NEVER);
            assertArrayEquals(plain.codes(), streamed.codes(), kind);
            assertArrayEquals(streamed.audio().samples(), heard.joined(0), kind + ": the result is what was heard");
            assertSameAudio(plain.audio().samples(), streamed.audio().samples(), kind);
            assertTrue(heard.chunks.size() >= 3, kind + ": " + heard.chunks.size() + " chunks");
            assertEquals(10 * 640, heard.chunks.get(0).samples().length, "a short first chunk");
            assertTrue(heard.framesWhenHeard.get(0) < 125 / 2,
                    kind + ": the first chunk came after " + heard.framesWhenHeard.get(0) + " of 125 frames");
        }
    }

    @Test
    void aMelodyAndAudioToContinueStreamAsTheyGenerate() {
        GenerationRequest request = GenerationRequest.ofPrompt("more of the same", 1.5, 4)
                .withMelody(LocalMusicEngineTest.sine(440, 2.0, 0.3))
                .withContinuation(LocalMusicEngineTest.sine(220, 1.0, 0.5));
        for (LocalMusicEngine engine : new LocalMusicEngine[] {learned, rotary}) {
            GenerationResult plain = engine.generate(request, ProgressListener.NONE, CancellationToken.NEVER);
            Recorder heard = new Recorder();
            GenerationResult streamed = engine.generate(request, heard, heard, CancellationToken.NEVER);
            assertArrayEquals(plain.codes(), streamed.codes());
            assertEquals(125, streamed.codes()[0].length);
            float[] joined = heard.joined(0);
            assertArrayEquals(streamed.audio().samples(), joined);
            assertSameAudio(plain.audio().samples(), joined, "continuation");
            for (int i = 0; i < 32000 - 640; i++) {
                assertEquals(request.continuation().samples()[i], joined[i], 0f, "the continued audio is kept, sample " + i);
            }
            assertEquals(0L, heard.framesWhenHeard.get(0), "the audio continued is heard before any new frame");
        }
    }

    @Test
    void eachTakeOfABatchIsTheSingleTakeWithItsSeed() {
        GenerationRequest request = GenerationRequest.ofPrompt("upbeat jazz trio, 120 bpm", 1.2, 40);
        for (LocalMusicEngine engine : new LocalMusicEngine[] {learned, rotary}) {
            Recorder heard = new Recorder();
            TakesResult takes = engine.generateTakes(request, 3, heard, heard, CancellationToken.NEVER);
            assertEquals(List.of(40L, 41L, 42L), takes.seeds());
            for (int t = 0; t < 3; t++) {
                GenerationResult single = engine.generate(request.withSeed(request.seedOfTake(t)), ProgressListener.NONE,
                        CancellationToken.NEVER);
                GenerationResult take = takes.takes().get(t);
                assertArrayEquals(single.codes(), take.codes(), "take " + t);
                assertArrayEquals(take.audio().samples(), heard.joined(t));
                assertSameAudio(single.audio().samples(), take.audio().samples(), "take " + t);
            }
            assertFalse(java.util.Arrays.deepEquals(takes.takes().get(0).codes(), takes.takes().get(1).codes()));
            assertEquals(0, heard.chunks.get(0).take());
            assertEquals(1, heard.chunks.get(1).take(), "the takes' chunks interleave");
            assertTrue(takes.secondsPerTake() > 0);
        }
    }

    @Test
    void takesOutOfRangeAreRefusedBeforeAnyWork() {
        GenerationRequest request = GenerationRequest.ofPrompt("piano", 1, 1);
        for (int n : new int[] {0, -1, MusicEngine.MAX_TAKES + 1}) {
            RequestException e = assertThrows(RequestException.class, () -> learned.generateTakes(request, n,
                    ProgressListener.NONE, AudioStreamListener.NONE, CancellationToken.NEVER));
            assertTrue(e.getMessage().contains("takes must be 1 to " + MusicEngine.MAX_TAKES), e.getMessage());
        }
        RequestException tooLong = assertThrows(RequestException.class, () -> learned.generateTakes(
                GenerationRequest.ofPrompt("piano", 200, 1), 4, ProgressListener.NONE, AudioStreamListener.NONE,
                CancellationToken.NEVER));
        assertEquals("4 takes of 200 s make 800 s of music, more than 600 s at once: make fewer or shorter takes",
                tooLong.getMessage());
    }

    @Test
    void anEngineWithoutItsOwnStreamingHandsTheTakesOverWhole() {
        // The interface's defaults: what an engine gets that implements only generate (the studio's test engine).
        MusicEngine plainEngine = new MusicEngine() {
            @Override
            public GenerationResult generate(GenerationRequest r, ProgressListener p, CancellationToken c) {
                return learned.generate(r, p, c);
            }

            @Override
            public StoryResult generateStory(StoryRequest r, ProgressListener p, CancellationToken c) {
                throw new UnsupportedOperationException();
            }

            @Override
            public StoryResult regenerateSection(StoryRequest r, StoryResult previous, int section, boolean following,
                                                 ProgressListener p, CancellationToken c) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PromptReading read(String prompt) {
                return PromptReading.NONE;
            }

            @Override
            public int sampleRate() {
                return learned.sampleRate();
            }

            @Override
            public double frameRate() {
                return learned.frameRate();
            }

            @Override
            public void close() {
            }
        };
        GenerationRequest request = GenerationRequest.ofPrompt("slow strings", 1.0, 9);
        Recorder heard = new Recorder();
        TakesResult one = plainEngine.generateTakes(request, 2, heard, heard, CancellationToken.NEVER);
        TakesResult batched = learned.generateTakes(request, 2, ProgressListener.NONE, AudioStreamListener.NONE,
                CancellationToken.NEVER);
        assertEquals(2, heard.chunks.size(), "one chunk per take, at the end");
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(batched.takes().get(t).codes(), one.takes().get(t).codes());
            assertArrayEquals(one.takes().get(t).audio().samples(), heard.joined(t));
        }
    }
}

package dev.cantor.engine.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine facade end to end on an untrained tiny codec and LM, with the real text encoder. */
class LocalMusicEngineTest {

    @TempDir
    static Path dir;
    static LocalMusicEngine engine;

    @BeforeAll
    static void buildTinyModel() throws Exception {
        CodecConfig codec = CodecConfig.tiny();
        try (CodecModel c = CodecModel.create(codec, 1)) {
            c.save(dir.resolve(MusicModel.CODEC_DIR));
        }
        // Window of 40 frames (0.8 s), so a few seconds already need the sliding window.
        LmConfig lm = LmConfig.tiny(codec.numCodebooks(), codec.codebookSize()).withMaxFrames(40);
        try (TransformerLm l = TransformerLm.create(lm, 2)) {
            l.save(dir.resolve(MusicModel.LM_DIR));
        }
        engine = new LocalMusicEngine(MusicModel.load(dir), TextEncoder.open());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static AudioClip sine(double hz, double seconds, double amplitude) {
        float[] x = new float[(int) (seconds * 32000)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 32000));
        }
        return new AudioClip(x, 32000);
    }

    @Test
    void generatesTheRequestedLengthPastTheTrainingWindow() {
        List<String> stages = new ArrayList<>();
        long[] lastFrames = {0};
        GenerationResult r = engine.generate(GenerationRequest.ofPrompt("calm piano, 70 bpm", 2.5, 1),
                (done, total, stage) -> {
                    if (!stages.contains(stage.toString())) {
                        stages.add(stage.toString());
                    }
                    if (stage.equals(ProgressStage.GENERATING)) {
                        assertTrue(done >= lastFrames[0], "progress went backwards");
                        lastFrames[0] = done;
                        assertEquals(125, total);
                    }
                }, CancellationToken.NEVER);
        assertEquals(125, r.codes()[0].length);
        assertEquals(125 * 640, r.audio().length());
        assertEquals(32000, r.audio().sampleRate());
        assertEquals(List.of("conditioning", "generating", "decoding"), stages);
        assertEquals(125, lastFrames[0]);
    }

    @Test
    void theSameSeedGivesTheSameAudioAndAnotherSeedDoesNot() {
        GenerationRequest req = GenerationRequest.ofPrompt("funky bass and drums", 1.2, 42);
        GenerationResult a = engine.generate(req, ProgressListener.NONE, CancellationToken.NEVER);
        GenerationResult b = engine.generate(req, ProgressListener.NONE, CancellationToken.NEVER);
        GenerationResult c = engine.generate(req.withSeed(43), ProgressListener.NONE, CancellationToken.NEVER);
        assertArrayEquals(a.audio().samples(), b.audio().samples());
        assertArrayEquals(a.codes(), b.codes());
        // (An untrained codec decodes every token alike, so the seeds are compared on tokens.)
        assertFalse(java.util.Arrays.deepEquals(a.codes(), c.codes()));
    }

    @Test
    void aModelLoadsAndGeneratesOnAnotherThreadAsOnTheMainOne() throws Exception {
        // The studio loads models and generates on its own engine thread, where PyTorch's
        // autograd is on unless the engine turns it off (loading weights used to fail there).
        GenerationRequest req = GenerationRequest.ofPrompt("funky bass and drums", 1.0, 5);
        GenerationResult here = engine.generate(req, ProgressListener.NONE, CancellationToken.NEVER);
        java.util.concurrent.atomic.AtomicReference<Object> there = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try (LocalMusicEngine other = new LocalMusicEngine(MusicModel.load(dir), TextEncoder.open())) {
                there.set(other.generate(req, ProgressListener.NONE, CancellationToken.NEVER));
            } catch (Throwable e) {
                there.set(e);
            }
        });
        t.start();
        t.join(60_000);
        assertTrue(there.get() instanceof GenerationResult, "on another thread: " + there.get());
        assertArrayEquals(here.codes(), ((GenerationResult) there.get()).codes());
    }

    @Test
    void aStoryIsOneStreamWithEverySectionWhereItBelongs() {
        StoryRequest story = StoryRequest.of(List.of(StoryRequest.Section.of("calm piano intro, 70 bpm", 1.0, 3),
                new StoryRequest.Section("strings join, building tension", 0.6, 4, 100.0, "D", "minor", null),
                StoryRequest.Section.of("driving drums and bass, 140 bpm", 1.4, 5)), 0.3);
        List<String> stages = new ArrayList<>();
        long[] last = {-1};
        StoryResult r = engine.generateStory(story, (done, total, stage) -> {
            if (!stages.contains(stage.toString())) {
                stages.add(stage.toString());
            }
            if (stage.kind() == ProgressStage.Kind.SECTION) {
                assertTrue(done >= last[0], "progress went backwards");
                assertEquals(150, total);
                last[0] = done;
            }
        }, CancellationToken.NEVER);
        assertEquals(List.of("section 1 of 3", "section 2 of 3", "section 3 of 3", "decoding"), stages);
        assertArrayEquals(new int[] {0, 50, 80, 150}, r.sectionStart());
        assertEquals(150, r.codes()[0].length);
        assertEquals(150 * 640, r.audio().length());
        assertEquals(1.6, r.endSeconds(1), 1e-9);
        StoryResult again = engine.generateStory(story, ProgressListener.NONE, CancellationToken.NEVER);
        assertArrayEquals(r.codes(), again.codes(), "the same story and seeds give the same piece");

        CancellationToken cancel = new CancellationToken();
        assertThrows(CancelledException.class, () -> engine.generateStory(story, (done, total, stage) -> {
            if (stage.equals(ProgressStage.section(1, 3))) {
                cancel.cancel();
            }
        }, cancel));
        assertThrows(RequestException.class, () -> engine.generateStory(StoryRequest.of(List.of(
                new StoryRequest.Section("jazz", 1, 1, null, "H", null, null)), 0), ProgressListener.NONE,
                CancellationToken.NEVER));
    }

    @Test
    void aStorySectionMayHaveAMelodyAndNoPrompt() {
        AudioClip hum = sine(440, 1.0, 0.3);
        StoryResult r = engine.generateStory(StoryRequest.of(List.of(
                new StoryRequest.Section("", 1.0, 2, null, null, null, hum)), 0), ProgressListener.NONE,
                CancellationToken.NEVER);
        assertArrayEquals(new int[] {0, 50}, r.sectionStart());
        assertEquals(50 * 640, r.audio().length());
    }

    @Test
    void regeneratingASectionKeepsWhatComesBeforeAndOptionallyWhatFollows() {
        List<StoryRequest.Section> sections = List.of(StoryRequest.Section.of("calm piano intro, 70 bpm", 1.0, 3),
                StoryRequest.Section.of("strings join", 1.0, 4), StoryRequest.Section.of("drums and bass", 1.0, 5));
        StoryRequest story = StoryRequest.of(sections, 0.2);
        StoryResult first = engine.generateStory(story, ProgressListener.NONE, CancellationToken.NEVER);
        List<StoryRequest.Section> reseeded = new ArrayList<>(sections);
        reseeded.set(1, StoryRequest.Section.of("strings join", 1.0, 99));
        StoryRequest again = StoryRequest.of(reseeded, 0.2);
        int hop = 640;
        int fade = 3200;                                    // the 0.1 s blend at each seam
        StoryResult kept = engine.regenerateSection(again, first, 1, false, ProgressListener.NONE,
                CancellationToken.NEVER);
        float[] a = first.audio().samples();
        float[] b = kept.audio().samples();
        assertEquals(a.length, b.length);
        for (int i = 0; i < 50 * hop - fade; i++) {
            assertEquals(a[i], b[i], 0f, "before the section, sample " + i);
        }
        for (int i = 100 * hop; i < a.length; i++) {
            assertEquals(a[i], b[i], 0f, "after the section, sample " + i);
        }
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(first.codes()[0], 50, 100),
                java.util.Arrays.copyOfRange(kept.codes()[0], 50, 100)), "the section itself is new");
        assertArrayEquals(java.util.Arrays.copyOfRange(first.codes()[0], 100, 150),
                java.util.Arrays.copyOfRange(kept.codes()[0], 100, 150));

        StoryResult onward = engine.regenerateSection(again, first, 1, true, ProgressListener.NONE,
                CancellationToken.NEVER);
        assertArrayEquals(java.util.Arrays.copyOfRange(first.codes()[0], 0, 50),
                java.util.Arrays.copyOfRange(onward.codes()[0], 0, 50));
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(first.codes()[0], 100, 150),
                java.util.Arrays.copyOfRange(onward.codes()[0], 100, 150)), "what follows is made again");

        List<StoryRequest.Section> longer = new ArrayList<>(sections);
        longer.set(0, StoryRequest.Section.of("calm piano intro, 70 bpm", 2.0, 3));
        assertThrows(RequestException.class, () -> engine.regenerateSection(StoryRequest.of(longer, 0.2), first, 1,
                false, ProgressListener.NONE, CancellationToken.NEVER));
    }

    @Test
    void promptAttributesAndMelodyReachTheCondition() {
        AudioClip hum = sine(440, 1.0, 0.3);
        LmCondition c = engine.condition(GenerationRequest.ofPrompt("sad strings in D minor at 72 bpm", 1, 1)
                .withMelody(hum));
        assertEquals(72.0, c.tempoBpm());
        assertEquals(2, c.keyRoot());
        assertEquals(Mode.MINOR, c.mode());
        assertEquals(TextEncoder.DIM, c.text().length);
        assertEquals(50, c.melody().length);
        assertEquals(9, c.melody()[25]);                // A
    }

    @Test
    void aMelodyWithoutPitchIsRefusedClearly() {
        AudioClip silence = new AudioClip(new float[32000], 32000);
        RequestException e = assertThrows(RequestException.class, () -> engine.generate(
                GenerationRequest.ofPrompt("piano", 1, 1).withMelody(silence), ProgressListener.NONE,
                CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("no melody"), e.getMessage());
    }

    @Test
    void continuationKeepsTheGivenAudioAndAddsTheRequestedLength() {
        AudioClip start = sine(220, 1.0, 0.5);
        GenerationResult r = engine.generate(GenerationRequest.ofPrompt("more of the same", 1.0, 5)
                .withContinuation(start), ProgressListener.NONE, CancellationToken.NEVER);
        assertEquals(100, r.codes()[0].length);
        for (int i = 0; i < 32000 - 640; i++) {
            assertEquals(start.samples()[i], r.audio().samples()[i], 0f, "sample " + i);
        }
    }

    @Test
    void cancellingStopsTheGeneration() {
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancelledException.class, () -> engine.generate(GenerationRequest.ofPrompt("piano", 30, 1),
                (done, total, stage) -> {
                    if (stage.equals(ProgressStage.GENERATING) && done >= 10) {
                        cancel.cancel();
                    }
                }, cancel));
    }

    @Test
    void badRequestsAreRefused() {
        assertThrows(RequestException.class, () -> GenerationRequest.ofPrompt("x", 0, 1));
        assertThrows(RequestException.class, () -> GenerationRequest.ofPrompt("x", 10_000, 1));
        assertThrows(RequestException.class, () -> GenerationRequest.ofPrompt("  ", 5, 1));
        assertThrows(RequestException.class, () -> GenerationRequest.ofPrompt("x", 1, 1)
                .withSampling(new SamplingParams(-1, 0, 1, 3, 1)));
    }

    @Test
    void theReadingReportsStyleMoodAndInstrumentsTheModelDoesNotUse() {
        PromptReading r = engine.read("tense flurb with ukulele and brass, 70 bpm, minor key");
        assertEquals(70.0, r.tempoBpm());
        assertEquals("minor", r.mode());
        assertEquals("tense", r.mood());
        assertEquals(List.of("acoustic guitar", "brass section"), r.instruments());
        assertTrue(r.mapped().contains(new PromptReading.Mapped("ukulele", "acoustic guitar", "instrument", null)),
                r.mapped().toString());
        assertEquals(List.of("flurb"), r.unknown());
        assertFalse(r.musicAttributesUsed(), "the tiny model has no style, mood or instrument inputs");
        assertEquals(PromptReading.BASIC_PARTS, r.usedByModel());
        assertTrue(r.summary().endsWith("this model does not use style, mood or instruments"), r.summary());
    }

    @Test
    void aModelWithMusicAttributesIsConditionedOnMappedWordsAsOnExactOnes() throws Exception {
        Path withAttributes = dir.resolve("with-attributes");
        CodecConfig codec = CodecConfig.tiny();
        try (CodecModel c = CodecModel.create(codec, 1)) {
            c.save(withAttributes.resolve(MusicModel.CODEC_DIR));
        }
        LmConfig lm = LmConfig.tiny(codec.numCodebooks(), codec.codebookSize()).withMaxFrames(40).withMusicAttributes();
        try (TransformerLm l = TransformerLm.create(lm, 2)) {
            l.save(withAttributes.resolve(MusicModel.LM_DIR));
        }
        try (LocalMusicEngine e = new LocalMusicEngine(MusicModel.load(withAttributes), TextEncoder.open())) {
            LmCondition mapped = e.condition(GenerationRequest.ofPrompt("ukulele and brass", 1, 1));
            LmCondition exact = e.condition(GenerationRequest.ofPrompt("acoustic guitar and brass section", 1, 1));
            assertEquals(Set.of("acoustic guitar", "brass section"), mapped.descriptors().instruments());
            assertEquals(exact.descriptors(), mapped.descriptors());
            assertTrue(e.read("ukulele").musicAttributesUsed());
        }
    }
}

package dev.cantor.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.LoopJoin;
import dev.cantor.engine.dsp.SineMelody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MusicEngine#generateLoop} over an engine whose music is a known melody of notes: what it
 * asks the engine to make, where it cuts, and that the loop it returns joins seamlessly.
 */
class GenerateLoopTest {

    private static final int RATE = SineMelody.RATE;

    @Test
    void aLoopIsWholeBarsCutAfterABarOfLeadInAndJoinsSeamlessly() {
        MelodyEngine engine = new MelodyEngine(120.0);
        // 3 s at 120 bpm is 1.5 bars of 2 s: 2 bars = 4 s, made after a bar of lead-in
        LoopResult loop = engine.generateLoop(GenerationRequest.ofPrompt("a tune, 120 bpm", 3, 9), ProgressListener.NONE,
                CancellationToken.NEVER);
        assertEquals(2, loop.bars());
        assertEquals(4, loop.beatsPerBar());
        assertEquals(120.0, loop.tempoBpm());
        assertEquals(4 * RATE, loop.audio().length());
        assertEquals(0, loop.points().start());
        assertEquals(4 * RATE - 1, loop.points().end());
        GenerationRequest asked = engine.requests.get(0);
        assertEquals(6.0, asked.seconds(), 1e-9, "the lead-in bar and the loop");
        assertEquals(9, asked.seed());

        float[] made = engine.made.get(0);
        int beat = RATE / 2;
        assertArrayEquals(Arrays.copyOfRange(made, 2 * RATE, 6 * RATE - beat),
                Arrays.copyOf(loop.audio().samples(), 4 * RATE - beat), "the music as made up to the last beat");
        LoopJoin.Measure join = LoopJoin.of(loop.audio().samples(), RATE);
        assertTrue(join.seamless(), join.toString());
        LoopJoin.Measure raw = LoopJoin.of(Arrays.copyOfRange(made, 2 * RATE, 6 * RATE), RATE);
        assertTrue(!raw.seamless(), "the same cut without the blend jumps: " + raw);
    }

    @Test
    void aMelodyIsFollowedFromTheLoopsStartWithItsEndUnderTheLeadIn() {
        MelodyEngine engine = new MelodyEngine(120.0);
        float[] hum = new float[5 * RATE];
        for (int i = 0; i < hum.length; i++) {
            hum[i] = i / (float) hum.length;                         // a ramp: every sample says where it came from
        }
        GenerationRequest request = GenerationRequest.ofPrompt("a tune, 120 bpm", 4, 1).withMelody(new AudioClip(hum, RATE));
        engine.generateLoop(request, ProgressListener.NONE, CancellationToken.NEVER);
        float[] followed = engine.requests.get(0).melody().samples();
        assertEquals(2 * RATE + hum.length, followed.length);
        // under the lead-in: the loop's last bar of melody (2 s to 4 s), then the melody from its start
        assertArrayEquals(Arrays.copyOfRange(hum, 2 * RATE, 4 * RATE), Arrays.copyOf(followed, 2 * RATE));
        assertArrayEquals(hum, Arrays.copyOfRange(followed, 2 * RATE, followed.length));
    }

    @Test
    void withoutATempoTheLengthIsKeptAndTwoSecondsLeadIn() {
        MelodyEngine engine = new MelodyEngine(null);
        LoopResult loop = engine.generateLoop(GenerationRequest.ofPrompt("a tune", 2.5, 1), ProgressListener.NONE,
                CancellationToken.NEVER);
        assertEquals(0, loop.bars());
        assertEquals((int) (2.5 * RATE), loop.audio().length());
        assertEquals(4.5, engine.requests.get(0).seconds(), 1e-9);
    }

    @Test
    void aLoopCannotContinueAudio() {
        MelodyEngine engine = new MelodyEngine(120.0);
        GenerationRequest request = GenerationRequest.ofPrompt("a tune, 120 bpm", 4, 1)
                .withContinuation(new AudioClip(new float[RATE], RATE));
        RequestException e = assertThrows(RequestException.class,
                () -> engine.generateLoop(request, ProgressListener.NONE, CancellationToken.NEVER));
        assertTrue(e.getMessage().contains("cannot continue audio"), e.getMessage());
        assertTrue(engine.requests.isEmpty(), "nothing was made");
    }

    /** Plays a melody of notes (a new one every 0.3 s) for as long as asked; reads only the given tempo. */
    private static final class MelodyEngine implements MusicEngine {
        final List<GenerationRequest> requests = new ArrayList<>();
        final List<float[]> made = new ArrayList<>();
        private final Double tempo;

        MelodyEngine(Double tempo) {
            this.tempo = tempo;
        }

        @Override
        public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
            requests.add(request);
            double[] tune = {220, 261.63, 329.63, 392, 329.63, 261.63, 293.66};
            List<SineMelody.Segment> notes = new ArrayList<>();
            for (double t = 0; t < request.seconds(); t += 0.3) {
                notes.add(new SineMelody.Segment(tune[notes.size() % tune.length], 0.3));
            }
            float[] music = Arrays.copyOf(SineMelody.render(notes, RATE, 0, new double[] {1, 0.4}),
                    (int) Math.round(request.seconds() * RATE));
            made.add(music);
            return new GenerationResult(new AudioClip(music, RATE), new int[4][(int) Math.round(request.seconds() * 50)],
                    0, 0);
        }

        @Override
        public PromptReading read(String prompt) {
            return new PromptReading(tempo, null, null, null, null, List.of());
        }

        @Override
        public StoryResult generateStory(StoryRequest request, ProgressListener progress, CancellationToken cancel) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public StoryResult regenerateSection(StoryRequest request, StoryResult previous, int section,
                                             boolean regenerateFollowing, ProgressListener progress,
                                             CancellationToken cancel) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public double frameRate() {
            return 50;
        }

        @Override
        public void close() {
        }
    }
}

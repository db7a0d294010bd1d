package dev.cantor.engine.transcription;

import static dev.cantor.engine.io.PropertyRunner.forAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.TranscribedNote;
import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.io.PropertyRunner.Gen;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever is recorded — tones, glides, clicks, noise, silence, near-silence, at any rate — the
 * transcriber gives notes that lie inside the recording, one at a time (on the grid when a tempo
 * is given), or says "no melody found"; never another exception.
 */
class HumTranscriberFuzzTest {

    private static final int[] RATES = {8000, 16_000, 22_050, 32_000, 44_100, 48_000};

    /** A recording built from random pieces, with random transcription options; shown by its seed. */
    record Case(long seed, int rate, float[] samples, TranscriptionOptions options) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + samples.length + " samples at " + rate + " Hz, " + options;
        }
    }

    static Gen<Case> cases() {
        return r -> {
            long seed = r.nextLong();
            Random g = new Random(seed);
            int rate = RATES[g.nextInt(RATES.length)];
            float[] x = new float[(int) (g.nextDouble() * 4 * rate)];
            int at = 0;
            while (at < x.length) {
                int length = Math.min(x.length - at, 1 + (int) (g.nextDouble() * g.nextDouble() * 0.6 * rate));
                piece(g, x, at, length, rate);
                at += length;
            }
            Double tempo = g.nextBoolean() ? null : 20 + g.nextDouble() * 380;
            return new Case(seed, rate, x, new TranscriptionOptions(tempo, g.nextDouble() * 0.3));
        };
    }

    /** Silence, a tone (maybe gliding, maybe with vibrato), white noise or a click train. */
    private static void piece(Random g, float[] x, int from, int length, int rate) {
        double amplitude = Math.pow(10, -4 * g.nextDouble());
        int kind = g.nextInt(4);
        double hz = 40 + g.nextDouble() * 1500;
        double glide = g.nextBoolean() ? 0 : (g.nextDouble() - 0.5) * 2;   // octaves over the piece
        double phase = 0;
        for (int i = 0; i < length; i++) {
            double t = i / (double) rate;
            float v = switch (kind) {
                case 0 -> 0f;
                case 1 -> {
                    double f = hz * Math.pow(2, glide * i / length + 0.02 * Math.sin(2 * Math.PI * 5.5 * t));
                    phase += 2 * Math.PI * f / rate;
                    yield (float) (amplitude * Math.sin(phase));
                }
                case 2 -> (float) (amplitude * g.nextGaussian());
                default -> i % Math.max(1, rate / 30) == 0 ? (float) amplitude : 0f;
            };
            x[from + i] = v;
        }
    }

    @Test
    void anyRecordingGivesTidyNotesOrNoMelody() {
        HumTranscriber transcriber = new HumTranscriber();
        forAll(cases(), c -> {
            AudioClip clip = new AudioClip(c.samples(), c.rate());
            MelodyTranscription melody;
            try {
                melody = transcriber.transcribe(clip, c.options(), ProgressListener.NONE, CancellationToken.NEVER);
            } catch (RequestException none) {
                assertTrue(none.getMessage().startsWith("no melody found: "), none.getMessage());
                return "no melody";
            }
            assertTrue(!melody.notes().isEmpty());
            double step = c.options().tempoBpm() == null ? 0 : 15 / c.options().tempoBpm();
            for (TranscribedNote n : melody.notes()) {
                double slack = step;                        // a quantized end may round up to the next step
                assertTrue(n.onsetSeconds() >= 0 && n.endSeconds() <= clip.seconds() + slack + 1e-9, n.toString());
                if (step > 0) {
                    assertEquals(0, Math.abs(n.onsetSeconds() / step - Math.rint(n.onsetSeconds() / step)), 1e-6,
                            "onset on the grid: " + n);
                }
            }
            return "notes";
        });
    }
}

package dev.cantor.engine.api;

import java.util.Locale;
import java.util.Set;

/**
 * How long a loop is and how it is made. With a tempo in the prompt a loop is a whole number of
 * bars (the length asked for rounded to the nearest bar, at least one), so it repeats in time with
 * a DAW's grid and starts on a downbeat (generation starts its beat clock on one). Without a tempo
 * the length asked for is kept and the loop is not bar-aligned.
 *
 * <p>The music is made as a lead-in ({@link #leadInSeconds}: one bar, or
 * {@value #LEAD_IN_WITHOUT_TEMPO_SECONDS} s without a tempo) and then the loop. The loop's last
 * {@link #fadeSeconds} (one beat, or {@value #FADE_WITHOUT_TEMPO_SECONDS} s and at most a quarter
 * of the loop without a tempo) are blended into the end of the lead-in, the music that led into
 * the loop's start ({@link dev.cantor.engine.audio.LoopCrossfade}); the rest of the lead-in is
 * dropped. Cutting the loop after a bar, not from the very start, matters: a model's first bar
 * starts from nothing, quieter and thinner than what follows. Measured on the shipped model
 * (README, "Measured"), a beat made past the end blended into a loop cut from the start left the
 * join larger than anything elsewhere in the loop in 5 of 30 pieces; this way, in none.
 *
 * @param seconds       the loop's length
 * @param bars          whole bars in it, or 0 without a tempo
 * @param beatsPerBar   3 for a waltz, else 4 (meaningful with a tempo)
 * @param tempoBpm      the prompt's tempo, or null
 * @param leadInSeconds music made before the loop; its end is blended into the loop's end
 * @param fadeSeconds   how much of the loop's end is blended
 */
public record LoopPlan(double seconds, int bars, int beatsPerBar, Double tempoBpm, double leadInSeconds,
                       double fadeSeconds) {

    /** The blend when there is no beat to go by: about a beat at 120 bpm. */
    public static final double FADE_WITHOUT_TEMPO_SECONDS = 0.5;
    /** The lead-in when there is no bar to go by: about a bar at 120 bpm. */
    public static final double LEAD_IN_WITHOUT_TEMPO_SECONDS = 2;
    /** Styles in three: a waltz's bar has three beats; every other style Cantor knows is in 4/4. */
    private static final Set<String> TRIPLE_METER_STYLES = Set.of("waltz");

    public LoopPlan {
        if (!(seconds > 0) || !(fadeSeconds > 0) || fadeSeconds > seconds || !(leadInSeconds >= fadeSeconds)
                || bars < 0 || (beatsPerBar != 3 && beatsPerBar != 4) || (tempoBpm == null) != (bars == 0)) {
            throw new IllegalArgumentException("not a loop plan: " + seconds + " s, " + bars + " bars of "
                    + beatsPerBar + " at " + tempoBpm + " bpm, lead-in " + leadInSeconds + " s, fade " + fadeSeconds
                    + " s");
        }
    }

    /**
     * The plan for a loop of about {@code askedSeconds} under what was read from its prompt.
     *
     * @throws RequestException when the length asked for is out of range, or the loop rounded to
     *                          whole bars, with its lead-in, is longer than
     *                          {@link GenerationRequest#MAX_SECONDS}
     */
    public static LoopPlan of(PromptReading reading, double askedSeconds) {
        GenerationRequest.requireValidSeconds(askedSeconds);
        int beatsPerBar = reading.style() != null && TRIPLE_METER_STYLES.contains(reading.style()) ? 3 : 4;
        Double bpm = reading.tempoBpm();
        LoopPlan plan;
        if (bpm == null) {
            plan = new LoopPlan(askedSeconds, 0, beatsPerBar, null, LEAD_IN_WITHOUT_TEMPO_SECONDS,
                    Math.min(FADE_WITHOUT_TEMPO_SECONDS, askedSeconds / 4));
        } else {
            double beat = 60.0 / bpm;
            double bar = beatsPerBar * beat;
            int bars = (int) Math.max(1, Math.round(askedSeconds / bar));   // at most 600 s / 0.45 s
            plan = new LoopPlan(bars * bar, bars, beatsPerBar, bpm, bar, beat);
        }
        if (plan.generatedSeconds() > GenerationRequest.MAX_SECONDS) {
            throw new RequestException(String.format(Locale.ROOT, "a loop of %s needs %.2f s of music with the"
                    + " lead-in before it, more than %.0f s: ask for a shorter loop",
                    plan.describe(), plan.generatedSeconds(), GenerationRequest.MAX_SECONDS));
        }
        return plan;
    }

    /** Whether the loop is a whole number of bars (the prompt named a tempo). */
    public boolean barAligned() {
        return tempoBpm != null;
    }

    /** Music to make: the lead-in and the loop. */
    public double generatedSeconds() {
        return leadInSeconds + seconds;
    }

    /** The loop's length in samples at {@code sampleRate}. */
    public int samples(int sampleRate) {
        return (int) Math.round(seconds * sampleRate);
    }

    /** The lead-in's length in samples at {@code sampleRate}: where the loop starts in the music made. */
    public int leadInSamples(int sampleRate) {
        return (int) Math.round(leadInSeconds * sampleRate);
    }

    /** The blend's length in samples at {@code sampleRate}: at least one, at most the loop and the lead-in. */
    public int fadeSamples(int sampleRate) {
        long fade = Math.round(fadeSeconds * sampleRate);
        return (int) Math.max(1, Math.min(fade, Math.min(samples(sampleRate), leadInSamples(sampleRate))));
    }

    /**
     * The length in words: "4 bars of 4/4 at 70 bpm = 13.71 s", or without a tempo
     * "10.00 s, not bar-aligned (the prompt names no tempo)".
     */
    public String describe() {
        if (!barAligned()) {
            return String.format(Locale.ROOT, "%.2f s, not bar-aligned (the prompt names no tempo)", seconds);
        }
        return String.format(Locale.ROOT, "%d %s of %d/4 at %s bpm = %.2f s", bars, bars == 1 ? "bar" : "bars",
                beatsPerBar, number(tempoBpm), seconds);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

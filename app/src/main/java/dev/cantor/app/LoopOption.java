package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.LoopPlan;
import dev.cantor.engine.api.LoopResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.dsp.LoopJoin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code generate --loop}: a seamless loop of whole bars instead of a piece, written with its loop
 * points and scored at its join ({@link MusicEngine#generateLoop}, {@link LoopJoin}). Kept apart
 * from {@link GenerateCommand} so that the command only asks it three things: whether the options
 * go together, how long the loop is, and to make and write it.
 */
final class LoopOption {

    @Option(names = "--loop", description = "Make a seamless loop: --seconds rounded to whole bars at the prompt's tempo"
            + " (3/4 for a waltz, else 4/4; kept as given when the prompt names no tempo), its end running into its"
            + " start; the WAV carries its loop points (a smpl chunk).")
    boolean enabled;

    /** Refuses what a loop cannot do, before any work. */
    void check(Path continuation, int takes, boolean play) {
        if (enabled && continuation != null) {
            throw new UserInputException("--loop cannot be used with --continue: a loop starts with its own music");
        }
        if (enabled && (takes > 1 || play)) {
            // a loop's last beat is blended only once it is all made, so it cannot be heard early
            throw new UserInputException("--loop makes one take and plays nothing before it is finished;"
                    + " leave out --takes and --play");
        }
    }

    /**
     * The loop's plan under {@code prompt}, said on stderr ("loop: 4 bars of 4/4 at 70 bpm = 13.71 s"),
     * or null without {@code --loop}.
     *
     * @throws dev.cantor.engine.api.RequestException (exit 2) when the rounded loop is too long
     */
    LoopPlan plan(MusicEngine engine, String prompt, double seconds) {
        if (!enabled) {
            return null;
        }
        LoopPlan plan = LoopPlan.of(engine.read(prompt == null ? "" : prompt), seconds);
        System.err.println("loop: " + plan.describe());
        return plan;
    }

    /** Seconds of a melody the loop follows: the loop's (its end plays again under the lead-in). */
    static double melodySeconds(LoopPlan plan) {
        return plan.seconds();
    }

    /** Makes the loop, writes it with its loop points and prints what was made and how its join scores. */
    void generate(MusicEngine engine, GenerationRequest request, AudioOutputOptions output, SampleFormat format)
            throws IOException {
        ConsoleProgress progress = new ConsoleProgress();
        CancellationToken cancel = new CancellationToken();
        LoopResult result;
        try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
            result = engine.generateLoop(request, progress, cancel);
        }
        progress.finishLine();
        PromptReading reading = engine.read(request.prompt());
        LoopJoin.Measure join = LoopJoin.of(result.audio().samples(), result.audio().sampleRate());
        WavWriter.write(output.out, result.audio(), format, output.replacing(), result.points());
        double wall = result.lmSeconds() + result.decodeSeconds();
        if (output.json.requested()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", output.out.toString());
            summary.put("seed", request.seed());
            summary.put("seconds", result.audio().seconds());
            summary.put("sample_rate", result.audio().sampleRate());
            summary.put("frames", result.codes()[0].length);
            summary.put("lm_seconds", round(result.lmSeconds()));
            summary.put("decode_seconds", round(result.decodeSeconds()));
            summary.put("rtf", round(wall / result.plan().generatedSeconds()));
            summary.put("loop", loopJson(result, join));
            summary.put("read_from_prompt", GenerateCommand.readingJson(reading));
            JsonOutput.print(System.out, summary);
            return;
        }
        System.out.println("read from the prompt: " + reading.summary());
        System.out.println("loop join: " + joinText(join));
        System.out.printf(Locale.ROOT, "wrote %s: a loop of %s, loop points %d–%d, seed %d, in %.1f s%n", output.out,
                result.plan().describe(), result.points().start(), result.points().end(), request.seed(), wall);
    }

    /** The loop in the JSON output: its plan, its points and the join's scores. */
    static Map<String, Object> loopJson(LoopResult result, LoopJoin.Measure join) {
        LoopPlan plan = result.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bars", plan.bars());
        m.put("beats_per_bar", plan.beatsPerBar());
        m.put("tempo_bpm", plan.tempoBpm());
        m.put("bar_aligned", plan.barAligned());
        m.put("seconds", round(plan.seconds()));
        m.put("loop_start", result.points().start());
        m.put("loop_end", result.points().end());
        m.put("lead_in_seconds", round(plan.leadInSeconds()));
        m.put("fade_seconds", round(plan.fadeSeconds()));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("spectral_flux", round(join.joinFlux()));
        j.put("spectral_flux_max_elsewhere", round(join.fluxMaxElsewhere()));
        j.put("spectral_flux_percentile", round(join.fluxPercentile()));
        j.put("sample_step", round6(join.joinStep()));
        j.put("sample_step_max_elsewhere", round6(join.stepMaxElsewhere()));
        j.put("sample_step_percentile", round(join.stepPercentile()));
        j.put("seamless", join.seamless());
        m.put("join", j);
        return m;
    }

    /**
     * E.g. "spectral flux 12.3 (96th percentile of the piece's boundaries, largest elsewhere 15.1),
     * sample step 0.0041 (45th percentile, largest elsewhere 0.41): no larger than elsewhere".
     */
    static String joinText(LoopJoin.Measure j) {
        return String.format(Locale.ROOT, "spectral flux %.1f (%s percentile of the piece's boundaries, largest"
                        + " elsewhere %.1f), sample step %.2g (%s percentile, largest elsewhere %.2g): %s",
                j.joinFlux(), ordinal(j.fluxPercentile()), j.fluxMaxElsewhere(), j.joinStep(),
                ordinal(j.stepPercentile()), j.stepMaxElsewhere(),
                j.seamless() ? "no larger than elsewhere" : "larger than anywhere else in the piece");
    }

    private static String ordinal(double percentile) {
        int p = (int) Math.floor(percentile);
        String suffix = p % 100 >= 11 && p % 100 <= 13 ? "th"
                : switch (p % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return p + suffix;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}

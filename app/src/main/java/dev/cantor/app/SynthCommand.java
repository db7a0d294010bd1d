package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.data.CorpusFolderException;
import dev.cantor.engine.data.CorpusGenerator;
import dev.cantor.engine.data.Soundfont;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor synth}: render a synthetic, fully labelled training corpus. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Compose and render a synthetic training corpus: N clips of S seconds (16-bit mono WAV) "
                + "in DIR, with captions and labels (style, mood, instruments, tempo, key, melody) in "
                + "DIR/manifest.jsonl.",
            "The same --seed always gives the same files."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the corpus to.")
    Path out;

    @Option(names = "--clips", required = true, paramLabel = "N", description = "Number of clips.")
    int clips;

    @Option(names = "--seconds", required = true, paramLabel = "S", description = "Length of each clip in seconds.")
    double seconds;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "X", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2",
            description = "General MIDI soundfont (.sf2), or 'builtin' for Java's small built-in bank. Default: FluidR3_GM.sf2 if installed, else the built-in one.")
    Path soundfont;

    @Option(names = "--sample-rate", defaultValue = "32000", paramLabel = "HZ",
            description = "Output sample rate in Hz (default ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--threads", paramLabel = "T",
            description = "Rendering threads (default: 2, or 1 on a single-core machine).")
    Integer threads;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
        validate();
        Soundfont font = Soundfonts.open(soundfont);
        int workers = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        CorpusGenerator.Config config = new CorpusGenerator.Config(out, clips, seconds, seed, sampleRate, font,
                workers, force.given());
        ConsoleProgress progress = new ConsoleProgress();
        CancellationToken cancel = new CancellationToken();
        CorpusGenerator.Result result;
        try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
            result = CorpusGenerator.generate(config, progress, cancel);
        } catch (CorpusFolderException e) {
            throw new UserInputException(e.getMessage());
        } finally {
            progress.finishLine();
        }
        if (json.requested()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("clips", result.clips());
            summary.put("seconds", result.clipSeconds());
            summary.put("wall_seconds", round(result.wallSeconds()));
            summary.put("x_realtime", round(result.realtimeFactor()));
            summary.put("out", result.outDir().toAbsolutePath().toString());
            summary.put("soundfont", result.soundfont());
            JsonOutput.print(System.out, summary);
        } else {
            System.out.printf("wrote %d clips of %s s to %s in %.1f s (%.1fx real time, soundfont %s)%n",
                    result.clips(), trim(result.clipSeconds()), result.outDir(), result.wallSeconds(),
                    result.realtimeFactor(), result.soundfont());
        }
        return 0;
    }

    private void validate() {
        if (clips < 1) {
            throw new UserInputException("--clips must be at least 1, got " + clips);
        }
        if (!(seconds > 0 && seconds <= 600)) {
            throw new UserInputException("--seconds must be more than 0 and at most 600, got " + trim(seconds));
        }
        if (sampleRate < 8000 || sampleRate > 96_000) {
            throw new UserInputException("--sample-rate must be between 8000 and 96000 Hz, got " + sampleRate);
        }
        if (threads != null && (threads < 1 || threads > 64)) {
            throw new UserInputException("--threads must be between 1 and 64, got " + threads);
        }
        OutputFiles.checkFolderWritable(out);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.finetune.CodecTuning;
import dev.cantor.engine.finetune.FineTuneJob;
import dev.cantor.engine.finetune.FineTuneState;
import dev.cantor.engine.finetune.ResourceCheck;
import dev.cantor.engine.library.LibraryScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor finetune}: fine-tunes a model on a folder of the musician's own music. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune a model on a library of your own music (" + AudioFiles.FORMAT_NAMES + "). "
                + "Your files are only read.")
final class FinetuneCommand implements Callable<Integer> {

    @Option(names = "--library", description = "The music folder (searched recursively). Not needed with --resume.")
    Path library;

    @Option(names = "--out", required = true, description = "Folder for the new model (new or empty; with --resume, the fine-tune to continue).")
    Path out;

    @Option(names = "--from", description = "Model to start from (default: the shipped model).")
    Path from;

    @Option(names = "--minutes", description = "Training budget in minutes (of training, not counting reading the library).")
    Double minutes;

    @Option(names = "--steps", description = "Training budget in steps.")
    Long steps;

    @Option(names = "--codec", description = "Fine-tune the codec too, first (for timbres unlike Cantor's own): "
            + "30 %% of a --minutes budget, or as many codec steps as --steps; prints its SI-SNR on the held-out "
            + "files before and after.")
    boolean codec;

    @Mixin
    SeedOption seed = new SeedOption();

    @Option(names = "--resume", description = "Continue the fine-tune in --out where it stopped.")
    boolean resume;

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        ConsoleProgress progress = new ConsoleProgress();
        long t0 = System.nanoTime();
        if (resume) {
            if (!FineTuneJob.exists(out)) {
                throw new UserInputException("nothing to resume: " + out + " holds no fine-tune");
            }
        } else {
            start(progress);
        }
        CancellationToken cancel = new CancellationToken();
        FineTuneState state;
        try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
            state = FineTuneJob.run(out, progress, cancel, new FineTuneListener() {
                @Override
                public void onPhase(String phase) {
                    progress.finishLine();
                    System.err.println(phase + "…");
                }

                @Override
                public void onValidation(long step, double loss) {
                    progress.finishLine();
                    System.err.printf(Locale.ROOT, "validation at step %d: cross-entropy %.4f%n", step, loss);
                }

                @Override
                public void onCodecFigures(boolean after, CodecFigures f) {
                    progress.finishLine();
                    System.err.printf(Locale.ROOT, "%s codec on %d held-out clips: SI-SNR %.2f dB, log-mel distance "
                            + "%.3f%n", after ? "tuned" : "base", f.clips(), f.siSnrDb(), f.melDistance());
                }
            });
        } catch (CancelledException e) {
            progress.finishLine();
            System.err.printf("%nstopped; the fine-tune is saved in %s (continue with --resume)%n", out);
            throw e;
        }
        progress.finishLine();
        report(state, (System.nanoTime() - t0) / 60e9);
        return 0;
    }

    private void start(ConsoleProgress progress) throws IOException {
        if (library == null) {
            throw new UserInputException("--library is required (or --resume to continue a fine-tune)");
        }
        if ((steps == null) == (minutes == null)) {
            throw new UserInputException("give a budget: --minutes M or --steps N (one of them)");
        }
        String budget = FineTuneJob.budgetProblem(steps == null ? 0 : steps, minutes == null ? 0 : minutes);
        if (budget != null) {
            throw new UserInputException(budget);
        }
        if (FineTuneJob.exists(out)) {
            throw new UserInputException(out + " already holds a fine-tune; use --resume to continue it or choose "
                    + "another folder");
        }
        if (!Files.isDirectory(library)) {
            throw new UserInputException("library folder not found: " + library);
        }
        Path base = ModelLocator.orDefault(from);
        String room = ResourceCheck.problem(out, base, codec);
        if (room != null) {
            throw new UserInputException(room);
        }
        OutputFiles.checkFolderWritable(out);
        System.err.println("reading " + library + "…");
        TrainingLibrary scanned = LibraryScanner.scan(library, null, progress, CancellationToken.NEVER);
        progress.finishLine();
        for (LibraryTrack t : scanned.skipped()) {
            System.err.printf("skipped %s: %s%n", t.path(), t.reason());
        }
        System.err.printf(Locale.ROOT, "%d files to learn from, %d held out for validation, %d skipped%n",
                scanned.training().size(), scanned.validation().size(), scanned.skipped().size());
        try {
            FineTuneJob.create(new FineTuneRequest(scanned, base, out, steps == null ? 0 : steps,
                    minutes == null ? 0 : minutes, seed.value(), codec));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private void report(FineTuneState s, double wallMinutes) {
        if (json.requested()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", out.toString());
            r.put("val_loss_before", s.valLossBefore());
            r.put("val_loss_after", s.valLossAfter());
            r.put("files_used", s.trainFiles() + s.validationFiles());
            r.put("files_skipped", s.skippedFiles());
            r.put("train_clips", s.trainClips());
            r.put("validation_clips", s.validationClips());
            r.put("steps", s.stepsDone());
            r.put("minutes", Math.round(wallMinutes * 100) / 100.0);
            r.put("train_minutes", Math.round(s.trainMinutes() * 100) / 100.0);
            CodecTuning c = s.codec();
            if (c != null) {
                r.put("codec_si_snr_db_before", c.before().siSnrDb());
                r.put("codec_si_snr_db_after", c.after().siSnrDb());
                r.put("codec_mel_distance_before", c.before().melDistance());
                r.put("codec_mel_distance_after", c.after().melDistance());
                r.put("codec_steps", c.stepsDone());
                r.put("codec_train_minutes", Math.round(c.trainMinutes() * 100) / 100.0);
            }
            JsonOutput.print(System.out, r);
            return;
        }
        if (s.codec() != null) {
            System.out.printf(Locale.ROOT, "codec: SI-SNR on the held-out files %.2f → %.2f dB, log-mel distance "
                    + "%.3f → %.3f after %d steps%n", s.codec().before().siSnrDb(), s.codec().after().siSnrDb(),
                    s.codec().before().melDistance(), s.codec().after().melDistance(), s.codec().stepsDone());
        }
        System.out.printf(Locale.ROOT, "fine-tuned %s: validation cross-entropy %.4f → %.4f after %d steps "
                + "(%.1f min of training, %.1f min in all); pick it in the studio with \"Add model…\"%n",
                out, s.valLossBefore(), s.valLossAfter(), s.stepsDone(), s.trainMinutes(), wallMinutes);
    }
}

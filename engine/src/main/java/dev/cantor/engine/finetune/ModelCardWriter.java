package dev.cantor.engine.finetune;

import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.library.LibraryTrack;
import dev.cantor.engine.library.TrainingLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes the model card of a fine-tuned model: what it learned from, how, and how much it gained. */
final class ModelCardWriter {

    static final String FILE = "MODEL_CARD.md";

    private ModelCardWriter() {
    }

    static void write(Path out, FineTuneState s, TrainingLibrary library) throws IOException {
        List<LibraryTrack> used = library.usable();
        double minutes = used.stream().mapToDouble(LibraryTrack::seconds).sum() / 60;
        long fromTags = used.stream().filter(t -> !t.captionEdited() && t.tags() != null).count();
        long edited = used.stream().filter(LibraryTrack::captionEdited).count();
        long fromNames = used.size() - fromTags - edited;
        StringBuilder b = new StringBuilder();
        b.append("# ").append(out.getFileName()).append(" — a Cantor model fine-tuned on a music library\n\n");
        b.append(String.format(Locale.ROOT, "Made %s by `cantor finetune` (or the studio's Training tab).%n%n",
                Instant.now().toString().substring(0, 10)));
        b.append("## Data\n\n");
        b.append(String.format(Locale.ROOT, "- Library: `%s`, %d files used (%.1f minutes of music): %d to learn "
                        + "from, %d held out whole for validation; %d skipped (unreadable, too short or duplicates).%n",
                library.root(), used.size(), minutes, s.trainFiles(), s.validationFiles(), s.skippedFiles()));
        b.append(String.format(Locale.ROOT, "- Clips: %d for training, %d for validation, %.0f s each.%n",
                s.trainClips(), s.validationClips(), s.clipSeconds()));
        b.append(String.format(Locale.ROOT, "- Captions: %d from the files' tags, %d from folder and file names, "
                + "%d written by the musician; each with the tempo, key and loudness Cantor measured.%n%n",
                fromTags, fromNames, edited));
        b.append("## Training\n\n");
        b.append(String.format(Locale.ROOT, "- Base model: `%s` (its codec is used unchanged; its language model is "
                + "fine-tuned).%n", s.baseModel()));
        b.append(String.format(Locale.ROOT, "- %d steps of %d windows, learning rate %.0e, seed %d, %.1f minutes "
                + "of training%s.%n%n", s.stepsDone(), s.batchSize(), s.learningRate(), s.seed(), s.trainMinutes(),
                s.minutes() > 0 ? String.format(Locale.ROOT, " (budget %.0f minutes)", s.minutes()) : ""));
        b.append("## Result\n\n");
        b.append("| validation cross-entropy (nats, lower is better) | value |\n|---|---|\n");
        b.append(String.format(Locale.ROOT, "| base model | %.4f |%n| fine-tuned | %.4f |%n%n", s.valLossBefore(),
                s.valLossAfter()));
        b.append("Measured on the held-out files' clips with every condition given; the same figure as "
                + "`cantor eval-lm`.\n");
        AtomicFiles.writeString(out.resolve(FILE), b.toString());
    }
}

package dev.cantor.engine.finetune;

import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        CodecTuning c = s.codec();
        b.append(String.format(Locale.ROOT, "- Base model: `%s` (%s).%n", s.baseModel(), c == null
                ? "its codec is used unchanged; its language model is fine-tuned"
                : "its codec is fine-tuned first, then its language model on the tuned codec's tokens"));
        if (c != null) {
            b.append(String.format(Locale.ROOT, "- Codec: %d steps of 8 one-second crops, learning rate %.0e, "
                    + "losses as `cantor train-codec` (wave and log-mel L1, commitment, SI-SNR 0.1, MMD 1.0), "
                    + "%.1f minutes of training.%n", c.stepsDone(), c.learningRate(), c.trainMinutes()));
        }
        b.append(String.format(Locale.ROOT, "- %d steps of %d windows, learning rate %.0e, seed %d, %.1f minutes "
                + "of training%s.%n%n", s.stepsDone(), s.batchSize(), s.learningRate(), s.seed(), s.trainMinutes(),
                s.minutes() > 0 ? String.format(Locale.ROOT, " (budget %.0f minutes)", s.minutes()) : ""));
        b.append("## Result\n\n");
        b.append("| validation cross-entropy (nats, lower is better) | value |\n|---|---|\n");
        b.append(String.format(Locale.ROOT, "| base model | %.4f |%n| fine-tuned | %.4f |%n%n", s.valLossBefore(),
                s.valLossAfter()));
        b.append("Measured on the held-out files' clips with every condition given; the same figure as "
                + "`cantor eval-lm`.\n");
        if (c != null && c.before() != null && c.after() != null) {
            b.append(String.format(Locale.ROOT, "%nThe codec, on %d clips of the held-out files (`cantor eval-codec`'s "
                    + "figures):%n%n", c.after().clips()));
            b.append("| codec | SI-SNR (dB, higher is better) | log-mel distance | log-STFT distance |\n|---|---|---|---|\n");
            for (Map.Entry<String, CodecFigures> row : List.of(Map.entry("base", c.before()),
                    Map.entry("fine-tuned", c.after()))) {
                b.append(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %.3f |%n", row.getKey(),
                        row.getValue().siSnrDb(), row.getValue().melDistance(), row.getValue().stftDistance()));
            }
            b.append("\nThe validation cross-entropy above is measured on the tuned codec's tokens, before and after "
                    + "the language model's fine-tune.\n");
        }
        AtomicFiles.writeString(out.resolve(FILE), b.toString());
    }
}

package dev.cantor.ui.training;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.FineTuneResult;
import dev.cantor.engine.api.finetune.FineTuneService;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.ModelsViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Training tab: import a library folder (in the background, with progress; unreadable files
 * listed with their reason), edit captions one by one or for a whole folder (saved at once with
 * the training project), then fine-tune a model on it with live losses, pause and resume, and
 * find the result in the model selector. Fine-tuning runs on its own thread so the studio keeps
 * generating meanwhile; the library's files are only read.
 */
public final class TrainingViewModel implements AutoCloseable {

    /** A point of a loss curve: step and value. */
    public record LossPoint(long step, double loss) {
    }

    private final Executor ui;
    private final FineTuneService fineTunes;
    private final ModelsViewModel models;
    private final Path modelsDir;
    private final Path projectsDir;
    /** Fine-tunes run beside the studio's engine thread, a notch below it: the studio's own work comes first. */
    private final EngineWorker thread;

    private final ObjectProperty<TrainingLibrary> library = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty training = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Choose a folder of your music to begin.");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty modelName = new SimpleStringProperty("My music");
    private final DoubleProperty minutes = new SimpleDoubleProperty(30);
    private final ObjectProperty<Path> job = new SimpleObjectProperty<>();
    private final ObservableList<LossPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<LossPoint> validationLoss = FXCollections.observableArrayList();
    private final BooleanProperty tuneCodec = new SimpleBooleanProperty(false);
    private final ObservableList<LossPoint> codecSnr = FXCollections.observableArrayList();
    private final StringProperty codecFigures = new SimpleStringProperty("");
    private volatile CancellationToken cancel;

    /**
     * @param modelsDir   where fine-tuned models are written (one folder each)
     * @param projectsDir where imported libraries (captions, split) are kept
     */
    public TrainingViewModel(Executor ui, FineTuneService fineTunes, ModelsViewModel models, Path modelsDir,
                             Path projectsDir) {
        this.ui = ui;
        this.fineTunes = fineTunes;
        this.thread = new EngineWorker(ui, "cantor-training", Thread.NORM_PRIORITY - 1);
        this.models = models;
        this.modelsDir = modelsDir;
        this.projectsDir = projectsDir;
    }

    public ReadOnlyObjectProperty<TrainingLibrary> library() {
        return library;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyBooleanProperty training() {
        return training;
    }

    /** 0..1 of the running import or fine-tune phase. */
    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public StringProperty modelName() {
        return modelName;
    }

    public DoubleProperty minutes() {
        return minutes;
    }

    /** The fine-tune being run or last run (a model folder), or null. */
    public ReadOnlyObjectProperty<Path> job() {
        return job;
    }

    public ObservableList<LossPoint> trainLoss() {
        return trainLoss;
    }

    public ObservableList<LossPoint> validationLoss() {
        return validationLoss;
    }

    /** Whether a new fine-tune tunes the codec too (first, with a share of the minutes). */
    public BooleanProperty tuneCodec() {
        return tuneCodec;
    }

    /** The codec's reconstruction SI-SNR (dB) on each training batch, while the codec is tuned. */
    public ObservableList<LossPoint> codecSnr() {
        return codecSnr;
    }

    /** The codec's figures on the held-out files, before and (once measured) after; empty when not tuned. */
    public ReadOnlyStringProperty codecFigures() {
        return codecFigures;
    }

    /** Imports (or re-imports) {@code folder}: reads every file, keeping captions already edited. */
    public void importLibrary(Path folder) {
        if (busy.get()) {
            return;
        }
        Path project = projectsDir.resolve(safeName(folder) + ".library.json");
        TrainingLibrary previous = null;
        if (Files.isRegularFile(project)) {
            try {
                previous = fineTunes.readLibrary(project);
            } catch (IOException e) {
                message.set("The saved captions could not be read (" + e.getMessage() + "); they are kept as they "
                        + "are and the library is read afresh.");
                project = projectsDir.resolve(safeName(folder) + "-" + System.currentTimeMillis() + ".library.json");
            }
        }
        Path saveTo = project;
        TrainingLibrary earlier = previous;
        CancellationToken token = new CancellationToken();
        cancel = token;
        busy.set(true);
        progress.set(0);
        status.set("Reading " + folder.getFileName() + "…");
        thread.submit(() -> {
            TrainingLibrary scanned = fineTunes.scan(folder, earlier, (done, total, stage) ->
                    ui.execute(() -> {
                        progress.set(total > 0 ? done / (double) total : 0);
                        status.set(String.format(Locale.ROOT, "Reading %d of %d files…", done, total));
                    }), token);
            fineTunes.writeLibrary(saveTo, scanned);
            return scanned;
        }, scanned -> {
            busy.set(false);
            projectFile.set(saveTo);
            library.set(scanned);
            status.set(summary(scanned));
            String small = scanned.tooSmall();
            message.set(small == null ? "" : "Not enough to fine-tune yet: " + small + ".");
        }, e -> {
            busy.set(false);
            if (e instanceof CancelledException) {
                status.set("Import cancelled.");
            } else {
                status.set("");
                message.set("Cannot read the library: " + e.getMessage());
            }
        });
    }

    /** Sets one file's caption (saved with the project at once). */
    public void editCaption(String path, String caption) {
        change(library.get().withTrack(path, t -> t.withCaption(caption.strip(), true)));
    }

    /** Gives every usable file in {@code folder} (and below) the same caption. */
    public void captionFolder(String folder, String caption) {
        change(library.get().withFolderCaption(folder, caption.strip()));
    }

    private void change(TrainingLibrary next) {
        library.set(next);
        try {
            fineTunes.writeLibrary(projectFile.get(), next);
        } catch (IOException e) {
            message.set("Cannot save the captions: " + e.getMessage());
        }
    }

    /** Starts a fine-tune of {@code base} on the imported library, into a new model folder. */
    public void startFineTune(ModelEntry base) {
        TrainingLibrary lib = library.get();
        if (busy.get() || lib == null) {
            return;
        }
        if (base == null) {
            message.set("Choose the model to start from.");
            return;
        }
        Path out = freeFolder(modelsDir, safeName(Path.of(modelName.get().isBlank() ? "My music" : modelName.get())));
        try {
            String room = fineTunes.resourceProblem(out, base.dir(), tuneCodec.get());
            if (room != null) {
                message.set("Cannot start: " + room + ".");
                return;
            }
            fineTunes.create(new FineTuneRequest(lib, base.dir(), out, 0, minutes.get(), 1, tuneCodec.get()));
        } catch (IOException | IllegalArgumentException e) {
            message.set("Cannot start: " + e.getMessage());
            return;
        }
        job.set(out);
        trainLoss.clear();
        validationLoss.clear();
        codecSnr.clear();
        codecFigures.set("");
        run(out);
    }

    /** Continues the paused (or interrupted) fine-tune. */
    public void resume() {
        if (!busy.get() && job.get() != null) {
            run(job.get());
        }
    }

    /** Pauses: the fine-tune saves a checkpoint and stops; {@link #resume()} continues it. */
    public void pause() {
        CancellationToken c = cancel;
        if (c != null && busy.get()) {
            c.cancel();
            status.set("Pausing (saving a checkpoint)…");
        }
    }

    private void run(Path out) {
        CancellationToken token = new CancellationToken();
        cancel = token;
        busy.set(true);
        training.set(true);
        message.set("");
        progress.set(0);
        thread.submit(() -> fineTunes.run(out, (d, total, stage) -> ui.execute(() ->
                progress.set(total > 0 ? d / (double) total : 0)), token, new FineTuneListener() {
                    @Override
                    public void onPhase(String phase) {
                        ui.execute(() -> status.set(Character.toUpperCase(phase.charAt(0)) + phase.substring(1)
                                + "…"));
                    }

                    @Override
                    public void onStep(long step, double loss) {
                        ui.execute(() -> trainLoss.add(new LossPoint(step, loss)));
                    }

                    @Override
                    public void onValidation(long step, double loss) {
                        ui.execute(() -> validationLoss.add(new LossPoint(step, loss)));
                    }

                    @Override
                    public void onCodecStep(long step, double loss, double batchSiSnrDb) {
                        ui.execute(() -> codecSnr.add(new LossPoint(step, batchSiSnrDb)));
                    }

                    @Override
                    public void onCodecFigures(boolean after, CodecFigures f) {
                        String figures = String.format(Locale.ROOT, "SI-SNR %.2f dB, log-mel distance %.3f",
                                f.siSnrDb(), f.melDistance());
                        ui.execute(() -> codecFigures.set(after
                                ? codecFigures.get().replace(" (tuning…)", "") + " → tuned: " + figures
                                : "Codec on the held-out files: base " + figures + " (tuning…)"));
                    }
                }), done -> finished(out, done), e -> {
                    // The status first: whoever waits for busy to fall then reads the final word.
                    if (e instanceof CancelledException) {
                        status.set("Paused; the fine-tune is saved. Resume continues it.");
                    } else {
                        message.set("The fine-tune stopped: " + e.getMessage() + ". Its last checkpoint is kept; "
                                + "Resume tries again.");
                    }
                    training.set(false);
                    busy.set(false);
                });
    }

    private void finished(Path out, FineTuneResult done) {
        progress.set(1);
        try {
            ModelEntry added = models.add(out);
            status.set(String.format(Locale.ROOT, "Done: \"%s\" is in the model selector. Validation loss %.3f → %.3f.",
                    added.name(), done.valLossBefore(), done.valLossAfter()));
        } catch (IllegalArgumentException e) {
            message.set("The model was made in " + out + " but could not be added: " + e.getMessage());
        }
        training.set(false);
        busy.set(false);          // last, as when paused
    }

    private static String summary(TrainingLibrary l) {
        double minutes = l.usable().stream().mapToDouble(LibraryTrack::seconds).sum() / 60;
        return String.format(Locale.ROOT, "%d files (%.0f min of music): %d to learn from, %d held out to check the "
                + "result, %d skipped.", l.usable().size(), minutes, l.training().size(), l.validation().size(),
                l.skipped().size());
    }

    static String safeName(Path p) {
        String name = p.getFileName() == null ? "library" : p.getFileName().toString();
        String safe = name.replaceAll("[^A-Za-z0-9 _.-]+", "_").strip();
        return safe.isEmpty() ? "library" : safe;
    }

    static Path freeFolder(Path dir, String name) {
        Path p = dir.resolve(name);
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(name + " " + n);
        }
        return p;
    }

    @Override
    public void close() {
        pause();
        try {
            thread.awaitIdle(60);        // let a pausing fine-tune finish its checkpoint before the thread goes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.close();
    }
}

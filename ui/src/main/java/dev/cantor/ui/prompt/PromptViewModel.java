package dev.cantor.ui.prompt;

import dev.cantor.engine.api.AudioAnalysis;
import java.util.List;
import java.util.ArrayList;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.LoopResult;
import dev.cantor.engine.api.LoopPlan;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.ui.shared.EngineProvider;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.StudioSettings;
import dev.cantor.ui.shared.TimeText;
import dev.cantor.ui.takes.Take;
import dev.cantor.ui.takes.TakesViewModel;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The prompt editor, its parameters and the Generate / Cancel pair. Generation runs on the
 * {@link EngineWorker}; progress (0..1, or -1 while the model loads), an ETA and a status line
 * follow the engine's stages; each finished piece becomes a {@link Take} at the top of the
 * session's list ({@link TakesViewModel}) and is selected.
 */
public final class PromptViewModel {

    /** Share of the progress bar for each stage: conditioning, sampling tokens, decoding audio. */
    private static final double CONDITIONING_SHARE = 0.03;
    private static final double DECODING_SHARE = 0.07;

    private final EngineWorker worker;
    private final EngineSession session;
    private final AudioAnalysis analysis;
    private final TakesViewModel takes;
    private final Runnable onSettingsChanged;
    private final LiveTake live;

    private final StringProperty prompt = new SimpleStringProperty("");
    private final DoubleProperty seconds = new SimpleDoubleProperty(10);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final DoubleProperty temperature = new SimpleDoubleProperty(SamplingParams.DEFAULT_TEMPERATURE);
    private final IntegerProperty topK = new SimpleIntegerProperty(SamplingParams.DEFAULT_TOP_K);
    private final DoubleProperty topP = new SimpleDoubleProperty(SamplingParams.DEFAULT_TOP_P);
    private final DoubleProperty guidance = new SimpleDoubleProperty(SamplingParams.DEFAULT_GUIDANCE);
    private final DoubleProperty keyGuidance = new SimpleDoubleProperty(SamplingParams.DEFAULT_KEY_GUIDANCE);
    private final ObjectProperty<AudioClip> melody = new SimpleObjectProperty<>();
    private final BooleanProperty loop = new SimpleBooleanProperty(false);

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Random dice = new Random();

    private CancellationToken cancel;

    /**
     * @param onSettingsChanged called (on the UI thread) when something worth remembering changed:
     *                          a new prompt in the history or new parameters
     */
    public PromptViewModel(EngineWorker worker, EngineProvider engines, ObjectProperty<ModelEntry> model,
                           StudioSettings settings, Runnable onSettingsChanged, AudioAnalysis analysis,
                           TakesViewModel takes, LiveTake live) {
        this(worker, new EngineSession(engines, model), settings, onSettingsChanged, analysis, takes, live);
    }

    /**
     * @param takes where each finished piece goes, numbered and selected
     * @param live  where the take being made is heard and drawn while it is made
     */
    public PromptViewModel(EngineWorker worker, EngineSession session, StudioSettings settings,
                           Runnable onSettingsChanged, AudioAnalysis analysis, TakesViewModel takes, LiveTake live) {
        this.worker = worker;
        this.live = live;
        this.session = session;
        this.analysis = analysis;
        this.takes = takes;
        this.onSettingsChanged = onSettingsChanged;
        history.setAll(settings.recentPrompts());
        seconds.set(settings.seconds());
        temperature.set(settings.temperature());
        topK.set(settings.topK());
        topP.set(settings.topP());
        guidance.set(settings.guidance());
        keyGuidance.set(settings.keyGuidance());
        seed.set(1 + dice.nextInt(99_999));
    }

    public StringProperty prompt() {
        return prompt;
    }

    public DoubleProperty seconds() {
        return seconds;
    }

    public LongProperty seed() {
        return seed;
    }

    public DoubleProperty temperature() {
        return temperature;
    }

    public IntegerProperty topK() {
        return topK;
    }

    public DoubleProperty topP() {
        return topP;
    }

    public DoubleProperty guidance() {
        return guidance;
    }

    /** How hard the start of a piece is pushed towards the key the prompt asks for (0 = not at all). */
    public DoubleProperty keyGuidance() {
        return keyGuidance;
    }

    /**
     * Make a seamless loop instead of a plain take: whole bars at the prompt's tempo, the end
     * running into the start; it plays looped and exports with loop points.
     */
    public BooleanProperty loop() {
        return loop;
    }

    /** The take being made, heard and drawn while it is made. */
    public LiveTake live() {
        return live;
    }

    /** The melody to follow (from the hum recorder), or null for text only. */
    public ObjectProperty<AudioClip> melody() {
        return melody;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    /** 0..1 while generating; -1 while the model loads (an indeterminate bar). */
    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyStringProperty eta() {
        return eta;
    }

    /** The last error for the musician, or "" when the last action went well. */
    public ReadOnlyStringProperty error() {
        return error;
    }

    /** Recent prompts, newest first. */
    public ObservableList<String> history() {
        return history;
    }

    /** Shows a note in the status line (e.g. a settings problem at start). */
    public void statusNote(String note) {
        status.set(note);
    }

    /** A new random seed (the dice button). */
    public void rollSeed() {
        seed.set(1 + dice.nextInt(99_999));
    }

    /** Inserts a tag's text at the end of the prompt, with a separating comma when needed. */
    public void addTag(String text) {
        String current = prompt.get().strip();
        prompt.set(current.isEmpty() ? text : current.endsWith(",") ? current + " " + text : current + ", " + text);
    }

    /** The request the current fields describe. @throws RequestException when they make no valid request */
    public GenerationRequest request() {
        SamplingParams sampling = new SamplingParams(temperature.get(), topK.get(), topP.get(), guidance.get(),
                seed.get(), keyGuidance.get());
        return new GenerationRequest(prompt.get(), seconds.get(), sampling, melody.get(), null);
    }

    /** Starts generating (Ctrl+Enter): one take, or a loop when {@link #loop} is on. Does nothing while one runs. */
    public void generate() {
        start(1);
    }

    /**
     * "Make N": {@code n} takes of the current request, seeds {@link GenerationRequest#seedOfTake}
     * 0..n−1, made as one batch through the model; the first is heard while they are made.
     */
    public void generateTakes(int n) {
        start(n);
    }

    private void start(int n) {
        if (running.get()) {
            return;
        }
        if (session.busy().get()) {
            status.set("Wait for the story to finish (or cancel it) before generating.");
            return;
        }
        ModelEntry chosen = session.model().get();
        GenerationRequest request;
        boolean asLoop = loop.get();
        try {
            if (chosen == null) {
                throw new RequestException("no model: add a model folder in the model selector");
            }
            request = request();
            if (n > 1 && asLoop) {
                throw new RequestException("loops are made one at a time: turn Loop off to make several takes");
            }
            if (n > 1) {
                MusicEngine.requireValidTakes(n, request.seconds());
            }
        } catch (RequestException e) {
            error.set(e.getMessage());
            status.set("Cannot generate: " + e.getMessage());
            return;
        }
        if (!request.prompt().isEmpty()) {
            history.setAll(StudioSettings.remember(history, request.prompt()));
        }
        onSettingsChanged.run();
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        session.setBusy(true);
        error.set("");
        progress.set(-1);
        eta.set("");
        status.set(session.isLoaded(chosen) ? "Generating…" : "Loading " + chosen.name() + "…");
        long started = System.nanoTime();
        live.begin(false);
        worker.submit(() -> {
            MusicEngine e = session.engineFor(chosen);
            token.throwIfCancelled();
            ProgressListener steps = (done, total, stage) ->
                    worker.ui().execute(() -> onProgress(done, total, stage, started));
            List<Take> made = new ArrayList<>();
            if (asLoop) {
                LoopResult r = e.generateLoop(request, steps, token);
                made.add(take(request, chosen, r.audio(), r.plan(), started, 1));
            } else if (n == 1) {
                made.add(take(request, chosen, e.generate(request, steps, live, token).audio(), null, started, 1));
            } else {
                TakesResult r = e.generateTakes(request, n, steps, live, token);
                for (int i = 0; i < n; i++) {
                    made.add(take(request.withSeed(r.seeds().get(i)), chosen, r.takes().get(i).audio(), null,
                            started, n));
                }
            }
            return new Finished(made, e.read(request.prompt()), (System.nanoTime() - started) / 1e9);
        }, this::finished, this::failed);
    }

    /** A made piece as a take; its wall time is its share of the run that made {@code of} takes. */
    private Take take(GenerationRequest request, ModelEntry model, AudioClip audio, LoopPlan loopPlan, long started,
                      int of) {
        return new Take(0, request, model.name(), audio, analysis.waveform(audio.samples()),
                (System.nanoTime() - started) / 1e9 / of, Instant.now(), loopPlan);
    }

    /** Asks the running generation to stop; the engine stops within one sampling step. */
    public void cancel() {
        if (running.get() && cancel != null) {
            cancel.cancel();
            live.stop();
            status.set("Cancelling…");
        }
    }

    private void onProgress(long done, long total, ProgressStage stage, long started) {
        if (!running.get()) {
            return;
        }
        double fraction = total > 0 ? Math.min(1, done / (double) total) : 0;
        double overall;
        switch (stage.kind()) {
            case CONDITIONING -> overall = CONDITIONING_SHARE * fraction;
            case DECODING -> overall = 1 - DECODING_SHARE + DECODING_SHARE * fraction;
            default -> overall = CONDITIONING_SHARE + (1 - CONDITIONING_SHARE - DECODING_SHARE) * fraction;
        }
        progress.set(Math.max(progress.get(), overall));
        if (!cancel.isCancelled()) {
            String word = stage.toString();
            status.set(stage.kind() == ProgressStage.Kind.GENERATING
                    ? String.format(Locale.ROOT, "Generating… %d of %d frames", done, total)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1) + "…");
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double p = progress.get();
        eta.set(p > 0.05 ? "about " + TimeText.duration(elapsed * (1 - p) / p) + " left" : "");
    }

    /** A finished generation (one take, a loop, or several takes) and what the model read from its prompt. */
    private record Finished(List<Take> takes, PromptReading reading, double wallSeconds) {
    }

    private void finished(Finished done) {
        live.end();
        List<Take> added = new ArrayList<>();
        for (Take made : done.takes()) {
            added.add(takes.add(made));                     // numbered in seed order
        }
        Take take = added.get(0);
        takes.selectedTake().set(take);                     // the first seed is the one heard while made
        running.set(false);
        session.setBusy(false);
        progress.set(1);
        eta.set("");
        int n = done.takes().size();
        String what = n > 1
                ? String.format(Locale.ROOT, "%d takes (#%d–#%d) of %.1f s in %s, %s per take", n, take.number(),
                        take.number() + n - 1, take.audio().seconds(), TimeText.duration(done.wallSeconds()),
                        TimeText.duration(done.wallSeconds() / n))
                : take.loop() != null
                ? String.format(Locale.ROOT, "Take #%d: a loop of %s in %s", take.number(), take.loop().describe(),
                        TimeText.duration(take.wallSeconds()))
                : String.format(Locale.ROOT, "Take #%d: %.1f s of music in %s", take.number(), take.audio().seconds(),
                        TimeText.duration(take.wallSeconds()));
        status.set(what + " — read from the prompt: " + done.reading().summary());
    }

    private void failed(Throwable e) {
        live.stop();
        running.set(false);
        session.setBusy(false);
        progress.set(0);
        eta.set("");
        if (e instanceof CancelledException) {
            status.set("Cancelled");
            return;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        error.set(message);
        status.set("Generation failed: " + message);
    }

    /** Closes the loaded engine (on the engine thread, after any running job). */
    public void shutdown() {
        cancel();
        worker.submit(() -> {
            session.close();
            return null;
        }, x -> { }, x -> { });
    }

}

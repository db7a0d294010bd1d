package dev.cantor.engine.eval;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.generation.LocalMusicEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Long-form evaluation (issue 21): generates long pieces from prompts that state a tempo and a
 * key, through {@link LocalMusicEngine#generate} exactly as {@code cantor generate --seconds 60}
 * does (past the model's context the engine slides its window), then cuts each piece into
 * windows and scores every window on its own with {@link LongFormWindows}. The short-clip
 * evaluation cannot see a piece drift out of its key or tempo, or fall apart, once the prompt's
 * opening has left the context; this can.
 */
public final class LongFormEvaluator {

    /** Sampling seeds of long pieces sit above the short clips' ({@link GenerationEvaluator#seed}). */
    private static final long SEED_OFFSET = 1L << 40;

    /**
     * How to evaluate.
     *
     * @param pieceSeconds  length of each piece
     * @param windowSeconds length of the windows each is cut into
     * @param sampling      how the pieces are sampled (its seed replaced by each piece's own)
     * @param audioOut      folder to keep every piece in as WAV, or null
     */
    public record Options(double pieceSeconds, double windowSeconds, SamplingParams sampling, Path audioOut) {
        public Options {
            if (!(windowSeconds > 0) || !(pieceSeconds >= windowSeconds)) {
                throw new IllegalArgumentException("a long piece must be at least one window long (piece "
                        + pieceSeconds + " s, window " + windowSeconds + " s)");
            }
            Objects.requireNonNull(sampling, "sampling");
        }
    }

    private final LocalMusicEngine engine;
    private final Options options;

    public LongFormEvaluator(LocalMusicEngine engine, Options options) {
        this.engine = engine;
        this.options = options;
    }

    /** Makes and scores one long piece per prompt; progress is one unit per piece ("long form"). */
    public LongFormReport evaluate(List<EvalPrompt> prompts, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        return score(prompts, "-long.wav", progress, cancel, (i, prompt) -> {
            long seed = SEED_OFFSET + GenerationEvaluator.seed(i, 0);
            GenerationResult result = engine.generate(GenerationEvaluator.request(prompt.prompt(),
                    options.pieceSeconds(), seed, options.sampling()), ProgressListener.NONE, cancel);
            return new Piece(result.audio(), seed, result.lmSeconds() + result.decodeSeconds());
        });
    }

    /**
     * The same figures for the real pieces behind the prompts, each composed to the long length
     * and rendered with {@code soundfont}: the ceiling the generated pieces are measured against,
     * since the key and tempo estimates miss on some real music too. Its seeds are the pieces'
     * corpus seeds and its rtf is null.
     */
    public LongFormReport evaluateReference(List<EvalPrompt> prompts, Soundfont soundfont, ProgressListener progress,
                                            CancellationToken cancel) throws IOException {
        try (ReferenceRenderer renderer = new ReferenceRenderer(soundfont, engine.sampleRate())) {
            return score(prompts, "-long-reference.wav", progress, cancel, (i, prompt) ->
                    new Piece(renderer.render(prompt, options.pieceSeconds()), prompt.spec().corpusSeed(), null));
        }
    }

    /** A long piece made for prompt {@code i}, the seed it was made with and the seconds it took (null: not timed). */
    private record Piece(AudioClip audio, long seed, Double wallSeconds) {
    }

    @FunctionalInterface
    private interface PieceMaker {
        Piece make(int i, EvalPrompt prompt) throws IOException;
    }

    private LongFormReport score(List<EvalPrompt> prompts, String fileSuffix, ProgressListener progress,
                                 CancellationToken cancel, PieceMaker maker) throws IOException {
        if (options.audioOut() != null) {
            Files.createDirectories(options.audioOut());
        }
        List<LongFormReport.Piece> pieces = new ArrayList<>();
        Rate key = new Rate();
        Rate tempo = new Rate();
        Rate collapse = new Rate();
        Rate silence = new Rate();
        Rate noise = new Rate();
        double wall = 0;
        double made = 0;
        progress.onProgress(0, prompts.size(), ProgressStage.LONG_FORM);
        for (int i = 0; i < prompts.size(); i++) {
            cancel.throwIfCancelled();
            EvalPrompt prompt = prompts.get(i);
            Piece piece = maker.make(i, prompt);
            if (piece.wallSeconds() != null) {
                wall += piece.wallSeconds();
                made += piece.audio().seconds();
            }
            if (options.audioOut() != null) {
                WavWriter.write(options.audioOut().resolve(prompt.id() + fileSuffix), piece.audio(),
                        SampleFormat.PCM_16);
            }
            List<LongFormWindows.Window> windows = LongFormWindows.score(piece.audio(), options.windowSeconds(),
                    prompt.tempoBpm(), prompt.tonality());
            Rate pieceKey = new Rate();
            Rate pieceTempo = new Rate();
            Rate pieceCollapse = new Rate();
            for (LongFormWindows.Window w : windows) {
                pieceKey.add(w.keyAgrees());
                pieceTempo.add(w.tempoAgrees());
                pieceCollapse.add(w.collapsed());
                silence.add(LongFormWindows.Collapse.SILENCE.label().equals(w.collapse()));
                noise.add(LongFormWindows.Collapse.NOISE.label().equals(w.collapse()));
            }
            key.add(pieceKey);
            tempo.add(pieceTempo);
            collapse.add(pieceCollapse);
            pieces.add(new LongFormReport.Piece(prompt.id(), prompt.prompt(), prompt.tempoBpm(),
                    prompt.tonality().label(), piece.seed(), piece.audio().seconds(), pieceKey.value(),
                    pieceTempo.value(), pieceCollapse.value(), windows));
            progress.onProgress(i + 1, prompts.size(), ProgressStage.LONG_FORM);
        }
        return new LongFormReport(prompts.size(), options.pieceSeconds(), options.windowSeconds(), key.count,
                key.value(), tempo.value(), collapse.value(), silence.value(), noise.value(),
                LongFormWindows.SILENCE_DBFS, LongFormWindows.NOISE_FLATNESS, ConditionScores.TEMPO_TOLERANCE,
                made > 0 ? wall / made : null, List.copyOf(pieces));
    }

    /** A share of yes answers; null before any. */
    private static final class Rate {
        private int yes;
        private int count;

        void add(boolean hit) {
            yes += hit ? 1 : 0;
            count++;
        }

        void add(Rate other) {
            yes += other.yes;
            count += other.count;
        }

        Double value() {
            return count == 0 ? null : yes / (double) count;
        }
    }
}

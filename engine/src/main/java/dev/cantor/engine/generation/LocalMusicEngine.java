package dev.cantor.engine.generation;

import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.Resampler;
import dev.cantor.engine.conditioning.MelodyCondition;
import dev.cantor.engine.conditioning.MelodyException;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.conditioning.PromptAttributes;
import dev.cantor.engine.conditioning.PromptVocabulary;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.runtime.NoGrad;
import dev.cantor.engine.sampling.TokenGenerator;
import java.util.List;

/**
 * The engine on this machine: prompt → sentence embedding and explicit attributes (tempo,
 * key, mode); melody recording → pitch classes per frame; continuation audio → codec tokens;
 * then guided sampling with the LM and decoding with the codec.
 *
 * <p>One generation at a time (the model's tensors are shared); calls are serialised.
 */
public final class LocalMusicEngine implements MusicEngine {

    private final MusicModel model;
    private final TextEncoder text;
    private final TokenGenerator generator;
    private final TakeRenderer renderer;
    private final PromptVocabulary vocabulary;

    /** Takes ownership of both: closing the engine closes them. */
    public LocalMusicEngine(MusicModel model, TextEncoder text) {
        this.model = model;
        this.text = text;
        this.generator = new TokenGenerator(model.lm());
        this.renderer = new TakeRenderer(generator, model.codec());
        this.vocabulary = new PromptVocabulary(text);
    }

    @Override
    public int sampleRate() {
        return model.codec().config().sampleRate();
    }

    @Override
    public double frameRate() {
        return model.codec().config().frameRate();
    }

    public MusicModel model() {
        return model;
    }

    /**
     * {@inheritDoc} Style, mood and instruments are reported for every model, words mapped by meaning
     * included; the reading says whether this model conditions on them.
     */
    @Override
    public PromptReading read(String prompt) {
        PromptAttributes a = PromptAttributes.parse(prompt);
        PromptVocabulary.Reading v = vocabulary.read(prompt);
        MusicDescriptors d = v.descriptors();
        List<PromptReading.Mapped> mapped = v.mapped().stream().map(m -> new PromptReading.Mapped(m.word(), m.term(),
                m.kind().label(), m.similarity() == null ? null : Math.round(m.similarity() * 100) / 100.0)).toList();
        return new PromptReading(a.tempoBpm(), a.keyRoot() == null ? null : Key.ofPitchClass(a.keyRoot()).label(),
                a.mode() == null ? null : a.mode().label(), d.style() == null ? null : d.style().label(),
                d.mood() == null ? null : d.mood().label(), List.copyOf(d.instruments()), mapped, v.unknown(),
                model.lm().config().musicAttributes());
    }

    /** The condition a request stands for (text, parsed attributes, melody). */
    public LmCondition condition(GenerationRequest request) {
        return condition(request.prompt(), request.melody());
    }

    /** The condition of a (stripped) prompt, which may be empty, and a melody, or null. */
    private LmCondition condition(String prompt, AudioClip melodyAudio) {
        PromptAttributes attributes = PromptAttributes.parse(prompt);
        float[] embedding = prompt.isEmpty() ? null : text.embed(prompt);
        int[] melody = null;
        if (melodyAudio != null) {
            try {
                melody = MelodyCondition.fromAudio(melodyAudio, frameRate());
            } catch (MelodyException e) {
                throw new RequestException(e.getMessage(), e);
            }
        }
        // Mapped words condition the model exactly as the vocabulary's own ("ukulele" as acoustic guitar).
        MusicDescriptors descriptors = model.lm().config().musicAttributes() ? vocabulary.read(prompt).descriptors()
                : MusicDescriptors.parse(prompt);
        return new LmCondition(embedding, attributes.tempoBpm(), attributes.keyRoot(), attributes.mode(), melody,
                descriptors);
    }

    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
        return generate(request, progress, AudioStreamListener.NONE, cancel);
    }

    /**
     * {@inheritDoc} The chunks are decoded between sampling steps on the generating thread; with
     * the shipped model the first comes after about a third of a second of sampling
     * ({@code cantor bench} reports it as {@code first_audio_s}).
     */
    @Override
    public synchronized GenerationResult generate(GenerationRequest request, ProgressListener progress,
                                                  AudioStreamListener stream, CancellationToken cancel) {
        try (NoGrad off = NoGrad.begin()) {
            return render(request, new long[] {request.seed()}, progress, stream, cancel).takes().get(0);
        }
    }

    /**
     * {@inheritDoc} All takes run through the language model as one batch (the guidance batch of
     * 2 rows grows to 2N) and are decoded one after another. The takes together may hold at most
     * {@link GenerationRequest#MAX_SECONDS} of new music and as much again of audio continued.
     */
    @Override
    public synchronized TakesResult generateTakes(GenerationRequest request, int takes, ProgressListener progress,
                                                  AudioStreamListener stream, CancellationToken cancel) {
        MusicEngine.requireValidTakes(takes, request.seconds());
        double continued = request.continuation() == null ? 0 : request.continuation().seconds();
        MusicEngine.requireTakesFit(takes, continued, "audio to continue");
        long[] seeds = new long[takes];
        for (int i = 0; i < takes; i++) {
            seeds[i] = request.seedOfTake(i);
        }
        try (NoGrad off = NoGrad.begin()) {
            return render(request, seeds, progress, stream, cancel);
        }
    }

    private TakesResult render(GenerationRequest request, long[] seeds, ProgressListener progress,
                               AudioStreamListener stream, CancellationToken cancel) {
        SamplingParams params = request.sampling();
        progress.onProgress(0, 1, ProgressStage.CONDITIONING);
        LmCondition condition = condition(request);
        int[][] prompt = null;
        float[] promptAudio = null;
        if (request.continuation() != null) {
            AudioClip c = request.continuation();
            promptAudio = Resampler.resample(c.samples(), c.sampleRate(), sampleRate());
            if (promptAudio.length < model.codec().config().hopLength()) {
                throw new RequestException("the audio to continue is too short (under one frame)");
            }
            prompt = model.codec().encode(promptAudio);
        }
        TakeRenderer.Job job = new TakeRenderer.Job(condition, prompt, promptAudio, frames(request.seconds()));
        return renderer.render(job, params, seeds, progress, stream, cancel);
    }

    /** Frames of {@code seconds} of music (at least one). */
    private int frames(double seconds) {
        return Math.max(1, (int) Math.round(seconds * frameRate()));
    }

    @Override
    public synchronized StoryResult generateStory(StoryRequest request, ProgressListener progress,
                                                  CancellationToken cancel) {
        long t0 = System.nanoTime();
        List<LmCondition> conditions = request.sections().stream().map(this::sectionCondition).toList();
        try (NoGrad off = NoGrad.begin()) {
            StoryGenerator.Tokens tokens = new StoryGenerator(generator, frameRate()).generate(request, conditions,
                    model.codec().config().numCodebooks(), progress, cancel);
            cancel.throwIfCancelled();
            progress.onProgress(0, 1, ProgressStage.DECODING);
            int[][] codes = tokens.codes();
            float[] audio = model.codec().decode(codes, codes[0].length * model.codec().config().hopLength());
            progress.onProgress(1, 1, ProgressStage.DECODING);
            return new StoryResult(new AudioClip(audio, sampleRate()), codes, tokens.sectionStart(), frameRate(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    @Override
    public synchronized StoryResult regenerateSection(StoryRequest request, StoryResult previous, int section,
                                                      boolean regenerateFollowing, ProgressListener progress,
                                                      CancellationToken cancel) {
        long t0 = System.nanoTime();
        int n = request.sections().size();
        if (section < 0 || section >= n) {
            throw new RequestException("there is no section " + (section + 1) + " (the story has " + n + ")");
        }
        StoryGenerator stories = new StoryGenerator(generator, frameRate());
        int[] start = stories.layout(request);
        int[] before = previous.sectionStart();
        boolean sameLayout = before.length == start.length
                && java.util.Arrays.equals(start, 0, section + 1, before, 0, section + 1)
                && (regenerateFollowing || java.util.Arrays.equals(start, before));
        if (!sameLayout) {
            throw new RequestException("the story's sections changed length since it was rendered; render the whole "
                    + "story again");
        }
        List<LmCondition> conditions = request.sections().stream().map(this::sectionCondition).toList();
        try (NoGrad off = NoGrad.begin()) {
            StoryGenerator.Tokens tokens = stories.regenerate(request, conditions,
                    model.codec().config().numCodebooks(), new StoryGenerator.Tokens(previous.codes(), before), section,
                    regenerateFollowing, progress, cancel);
            cancel.throwIfCancelled();
            progress.onProgress(0, 1, ProgressStage.DECODING);
            int hop = model.codec().config().hopLength();
            int[][] codes = tokens.codes();
            float[] fresh = model.codec().decode(codes, codes[0].length * hop);
            float[] old = previous.audio().samples();
            int fade = (int) Math.round(SEAM_FADE_SECONDS * sampleRate());
            // The old audio, to the sample, until SEAM_FADE_SECONDS before the section (both decode the same
            // tokens there); a blend over that span; then the new audio.
            float[] audio = crossfade(old, fresh, start[section] * hop - fade, fade);
            if (!regenerateFollowing && section + 1 < n) {
                audio = crossfade(audio, old, start[section + 1] * hop - fade, fade);
            }
            progress.onProgress(1, 1, ProgressStage.DECODING);
            return new StoryResult(new AudioClip(audio, sampleRate()), codes, start, frameRate(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Seconds over which regenerated audio is blended into the audio it meets. */
    private static final double SEAM_FADE_SECONDS = 0.1;

    /** {@code a} before {@code at}, a linear crossfade over {@code fade} samples, then {@code b}. */
    private static float[] crossfade(float[] a, float[] b, int at, int fade) {
        float[] out = new float[b.length];
        for (int i = 0; i < out.length; i++) {
            if (i < at) {
                out[i] = i < a.length ? a[i] : 0f;
            } else if (i < at + fade) {
                double w = (i - at + 0.5) / fade;
                out[i] = (float) ((1 - w) * (i < a.length ? a[i] : 0f) + w * b[i]);
            } else {
                out[i] = b[i];
            }
        }
        return out;
    }

    /** A section's condition: its prompt, then its explicit tempo, key and mode over the prompt's. */
    private LmCondition sectionCondition(StoryRequest.Section s) {
        LmCondition c = condition(s.prompt(), s.melody());
        try {
            Integer key = s.key() == null ? c.keyRoot() : Integer.valueOf(Key.fromLabel(s.key()).pitchClass());
            Mode mode = s.mode() == null ? c.mode() : Mode.fromLabel(s.mode());
            return new LmCondition(c.text(), s.tempoBpm() == null ? c.tempoBpm() : s.tempoBpm(), key, mode,
                    c.melody(), c.descriptors());
        } catch (IllegalArgumentException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }

    /**
     * Generates music with no condition at all (no text, attributes or melody): the model's
     * unconditional distribution, which classifier-free guidance subtracts. Evaluations use it as
     * the floor a conditioned model must beat. Samples with temperature 1 and top-k 250 (MusicGen's
     * defaults); guidance does not apply, since there is nothing to guide towards.
     *
     * @throws RequestException   when the length is out of range
     * @throws dev.cantor.engine.api.CancelledException when cancelled
     */
    public GenerationResult generateUnconditional(double seconds, long seed, ProgressListener progress,
                                                  CancellationToken cancel) {
        return generateUnconditional(seconds, SamplingParams.defaults(seed), progress, cancel);
    }

    /**
     * {@link #generateUnconditional(double, long, ProgressListener, CancellationToken)} with the
     * temperature, top-k and top-p of {@code sampling} (its guidance is ignored).
     */
    public synchronized GenerationResult generateUnconditional(double seconds, SamplingParams sampling,
                                                               ProgressListener progress, CancellationToken cancel) {
        GenerationRequest.requireValidSeconds(seconds);
        SamplingParams params = sampling.withGuidance(1.0);
        try (NoGrad off = NoGrad.begin()) {
            return renderer.render(new TakeRenderer.Job(LmCondition.NONE, null, null, frames(seconds)), params,
                    new long[] {params.seed()}, progress, AudioStreamListener.NONE, cancel).takes().get(0);
        }
    }

    @Override
    public void close() {
        model.close();
        text.close();
    }
}

package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.LoopCrossfade;
import dev.cantor.engine.audio.LoopPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine as the studio and the CLI see it: a request in, audio out, with progress and
 * cancellation. Implementations keep every tensor inside; only Java arrays cross this line.
 */
public interface MusicEngine extends AutoCloseable {

    /** Most takes {@link #generateTakes} makes at once (their memory and time grow with the number). */
    int MAX_TAKES = 8;

    /**
     * Generates music. Progress comes in stages ({@link ProgressStage}: conditioning, generating in frames,
     * decoding); cancelling stops within one sampling step.
     *
     * @throws RequestException   when the request cannot be honoured (e.g. a melody with no pitch)
     * @throws CancelledException when cancelled
     */
    GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * Generates music as {@link #generate(GenerationRequest, ProgressListener, CancellationToken)}
     * does, handing the audio to {@code stream} in chunks while the tokens are still being sampled,
     * so playback can start long before the take is done ({@link AudioStreamListener} says in what
     * order and how soon). The result's audio is the chunks joined; it equals the audio of the
     * call without a stream up to float rounding (the decoder runs on shorter stretches).
     *
     * <p>This default streams nothing early: it generates, then hands the whole audio over as one
     * chunk. The local engine streams for real.
     *
     * @throws RequestException   when the request cannot be honoured
     * @throws CancelledException when cancelled (the chunks already handed out stay valid)
     */
    default GenerationResult generate(GenerationRequest request, ProgressListener progress,
                                      AudioStreamListener stream, CancellationToken cancel) {
        GenerationResult result = generate(request, progress, cancel);
        float[] audio = result.audio().samples().clone();       // the chunk's samples are the listener's own
        stream.onChunk(new AudioChunk(0, 0, audio, result.audio().sampleRate(), audio.length));
        return result;
    }

    /**
     * Makes {@code takes} variations of one request ("Make 4"): take i uses the seed
     * {@link GenerationRequest#seedOfTake(int) request.seedOfTake(i)}, and equals (up to float
     * rounding in the batched arithmetic) what {@link #generate} makes with that seed. The local
     * engine runs all takes through the language model as one batch, which costs much less than
     * {@code takes} single runs; progress counts the frames of one take (all advance together);
     * {@code stream} hears every take's chunks, tagged with the take.
     *
     * <p>This default makes the takes one after another.
     *
     * @throws RequestException   when {@code takes} is outside 1..{@link #MAX_TAKES} or the request
     *                            cannot be honoured
     * @throws CancelledException when cancelled
     */
    default TakesResult generateTakes(GenerationRequest request, int takes, ProgressListener progress,
                                      AudioStreamListener stream, CancellationToken cancel) {
        requireValidTakes(takes, request.seconds());
        List<GenerationResult> results = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        double lm = 0;
        double decode = 0;
        for (int i = 0; i < takes; i++) {
            int take = i;
            GenerationResult r = generate(request.withSeed(request.seedOfTake(i)), progress,
                    chunk -> stream.onChunk(new AudioChunk(take, chunk.offset(), chunk.samples(), chunk.sampleRate(),
                            chunk.totalSamples())), cancel);
            results.add(r);
            seeds.add(request.seedOfTake(i));
            lm += r.lmSeconds();
            decode += r.decodeSeconds();
        }
        return new TakesResult(results, seeds, lm, decode);
    }

    /**
     * @throws RequestException unless 1 ≤ takes ≤ {@link #MAX_TAKES} and the takes of {@code seconds}
     *                          each make at most {@link GenerationRequest#MAX_SECONDS} together (all
     *                          their audio is held at once)
     */
    static void requireValidTakes(int takes, double seconds) {
        if (takes < 1 || takes > MAX_TAKES) {
            throw new RequestException("the number of takes must be 1 to " + MAX_TAKES + ", got " + takes);
        }
        requireTakesFit(takes, seconds, "music");
    }

    /** @throws RequestException when {@code takes} × {@code seconds} of {@code what} exceed {@link GenerationRequest#MAX_SECONDS} */
    static void requireTakesFit(int takes, double seconds, String what) {
        if (takes * seconds > GenerationRequest.MAX_SECONDS) {
            throw new RequestException(String.format(Locale.ROOT, "%d takes of %.0f s make %.0f s of %s, more than %.0f s"
                    + " at once: make fewer or shorter takes", takes, seconds, takes * seconds, what,
                    GenerationRequest.MAX_SECONDS));
        }
    }

    /**
     * Renders a story as one continuous piece: each section under its own condition, the
     * condition moving across each transition, progress in {@link ProgressStage#section} stages (frames done
     * of all frames) then decoding.
     *
     * @throws RequestException   when a section cannot be honoured
     * @throws CancelledException when cancelled
     */
    StoryResult generateStory(StoryRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * Renders section {@code section} of a story anew (with the seed the request now gives it),
     * keeping the tokens before it from {@code previous} exactly, and its audio to the sample up to
     * a short blend (0.1 s) just before the section; the sections after it are rendered anew too
     * ({@code regenerateFollowing}) or kept as they were, with the audio blended across the seam.
     *
     * @throws RequestException when {@code previous} does not match the request's timeline
     */
    StoryResult regenerateSection(StoryRequest request, StoryResult previous, int section, boolean regenerateFollowing,
                                  ProgressListener progress, CancellationToken cancel);

    /**
     * What is read from {@code prompt} as conditions of their own: tempo, key, mode, style, mood and
     * instruments (words outside the vocabulary mapped by meaning, or reported as not understood),
     * and which of them the model conditions on. Cheap: at most the small sentence encoder runs on
     * a few words (and, the first time, on the vocabulary, about a second).
     */
    PromptReading read(String prompt);

    /**
     * Makes a seamless loop: about {@code request.seconds()} of music that, played end to end,
     * runs from its end into its start. Its length follows {@link LoopPlan#of}: a whole number of
     * bars at the tempo {@link #read} finds in the prompt (3/4 for a waltz, else 4/4), or the
     * seconds asked for when the prompt names no tempo. The music is made from a bar before the
     * loop (the lead-in) to its end, and the loop's last beat is blended into the end of the
     * lead-in ({@link LoopCrossfade}): played end to end, the loop's first sample follows music that
     * led into it, and its first beat is exactly as made. Progress and cancellation are those of
     * {@link #generate}; a melody is followed from the loop's start (its end plays under the
     * lead-in, as before the start on a repeat).
     *
     * <p>{@code LoopJoin} in the engine's dsp package scores the join against the rest of the
     * piece.
     *
     * @throws RequestException   when the request continues audio (a loop starts with its own
     *                            music), the rounded loop is too long, or the request cannot be
     *                            honoured
     * @throws CancelledException when cancelled
     */
    default LoopResult generateLoop(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
        if (request.continuation() != null) {
            throw new RequestException("a loop cannot continue audio: it starts with its own music");
        }
        LoopPlan plan = LoopPlan.of(read(request.prompt()), request.seconds());
        int rate = sampleRate();
        int leadIn = plan.leadInSamples(rate);
        int loopSamples = plan.samples(rate);
        int needed = leadIn + loopSamples;
        // Whole token frames covering all of it (the engine rounds seconds to frames).
        double frames = Math.ceil(needed * frameRate() / rate - 1e-9);
        AudioClip melody = request.melody() == null ? null : withLeadIn(request.melody(), plan);
        GenerationRequest longer = request.withSeconds(frames / frameRate()).withMelody(melody);
        GenerationResult made = generate(longer, progress, cancel);
        float[] music = made.audio().samples();
        if (made.audio().sampleRate() != rate || music.length < needed) {
            throw new IllegalStateException("the engine made " + music.length + " samples at "
                    + made.audio().sampleRate() + " Hz, short of the " + needed + " the loop needs");
        }
        float[] loop = LoopCrossfade.close(music, leadIn, loopSamples, plan.fadeSamples(rate));
        return new LoopResult(new AudioClip(loop, rate), LoopPoints.whole(loop.length), plan, made.codes(),
                made.lmSeconds(), made.decodeSeconds());
    }

    /**
     * The melody to follow from the lead-in on, so that the loop follows {@code melody} from its
     * start: under the lead-in, what the loop's last lead-in seconds of melody are (silence where
     * the melody is shorter than the loop), as they would sound before the start on a repeat.
     */
    private static AudioClip withLeadIn(AudioClip melody, LoopPlan plan) {
        int rate = melody.sampleRate();
        int pad = (int) Math.round(plan.leadInSeconds() * rate);
        int from = (int) Math.round(plan.seconds() * rate) - pad;
        float[] in = melody.samples();
        float[] out = new float[pad + in.length];
        for (int i = 0; i < pad; i++) {
            int j = from + i;
            out[i] = j >= 0 && j < in.length ? in[j] : 0f;
        }
        System.arraycopy(in, 0, out, pad, in.length);
        return new AudioClip(out, rate);
    }

    /** Sample rate of the audio it returns. */
    int sampleRate();

    /** Token frames per second. */
    double frameRate();

    @Override
    void close();
}

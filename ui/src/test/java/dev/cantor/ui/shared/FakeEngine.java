package dev.cantor.ui.shared;

import dev.cantor.engine.api.AudioChunk;
import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.audio.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A test double of the engine for view-model tests: reports the real stages, makes a sine whose
 * pitch follows the seed, and can hold a generation at a given frame until released (to test
 * cancel while it runs).
 */
public final class FakeEngine implements MusicEngine {

    public static final int RATE = 8000;
    public final List<GenerationRequest> requests = new ArrayList<>();
    public volatile CountDownLatch hold;
    public final CountDownLatch reachedHold = new CountDownLatch(1);
    public volatile boolean closed;

    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
        return generate(request, progress, AudioStreamListener.NONE, cancel);
    }

    /**
     * Streams as the real engine does: a chunk of a fifth of a second every ten frames, in order,
     * so the first chunks come before the hold in the middle and the take is not done yet.
     */
    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, AudioStreamListener stream,
                                     CancellationToken cancel) {
        requests.add(request);
        progress.onProgress(0, 1, ProgressStage.CONDITIONING);
        progress.onProgress(1, 1, ProgressStage.CONDITIONING);
        int frames = (int) Math.round(request.seconds() * 50);
        float[] x = new float[(int) Math.round(request.seconds() * RATE)];
        double hz = 200 + request.seed() % 100;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        int streamed = 0;
        for (int f = 1; f <= frames; f++) {
            cancel.throwIfCancelled();
            if (f == frames / 2) {
                waitIfHeld();
                cancel.throwIfCancelled();
            }
            progress.onProgress(f, frames, ProgressStage.GENERATING);
            if (f % 10 == 0 || f == frames) {
                int end = f == frames ? x.length : Math.min(x.length, f * RATE / 50);
                if (end > streamed) {
                    stream.onChunk(new AudioChunk(0, streamed, java.util.Arrays.copyOfRange(x, streamed, end), RATE,
                            x.length));
                    streamed = end;
                }
            }
        }
        progress.onProgress(1, 1, ProgressStage.DECODING);
        return new GenerationResult(new AudioClip(x, RATE), new int[4][frames], 0.1, 0.01);
    }

    @Override
    public PromptReading read(String prompt) {
        return prompt.contains("bpm") ? new PromptReading(90.0, null, null, null, null, List.of()) : PromptReading.NONE;
    }

    /** Story requests seen, and for each regeneration: section index and whether the rest was made again. */
    public final List<StoryRequest> storyRequests = new ArrayList<>();
    public final List<int[]> regenerations = new ArrayList<>();

    @Override
    public StoryResult generateStory(StoryRequest request, ProgressListener progress, CancellationToken cancel) {
        storyRequests.add(request);
        return story(request, null, 0, progress, cancel);
    }

    @Override
    public StoryResult regenerateSection(StoryRequest request, StoryResult previous, int section,
                                         boolean regenerateFollowing, ProgressListener progress,
                                         CancellationToken cancel) {
        storyRequests.add(request);
        regenerations.add(new int[] {section, regenerateFollowing ? 1 : 0});
        return story(request, previous, section, progress, cancel);
    }

    /** Each section a sine at a pitch set by its seed; sections before {@code from} copied from {@code kept}. */
    private StoryResult story(StoryRequest request, StoryResult kept, int from, ProgressListener progress,
                              CancellationToken cancel) {
        int n = request.sections().size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + (int) Math.round(request.sections().get(i).seconds() * 50);
        }
        float[] x = new float[start[n] * RATE / 50];
        for (int i = 0; i < n; i++) {
            progress.onProgress(start[i], start[n], ProgressStage.section(i, n));
            if (i == 1) {
                waitIfHeld();
            }
            cancel.throwIfCancelled();
            double hz = 200 + request.sections().get(i).seed() % 100;
            for (int t = start[i] * RATE / 50; t < start[i + 1] * RATE / 50; t++) {
                x[t] = kept != null && i < from ? kept.audio().samples()[t]
                        : (float) (0.5 * Math.sin(2 * Math.PI * hz * t / RATE));
            }
            progress.onProgress(start[i + 1], start[n], ProgressStage.section(i, n));
        }
        progress.onProgress(1, 1, ProgressStage.DECODING);
        return new StoryResult(new AudioClip(x, RATE), new int[4][start[n]], start, 50, 0.1);
    }

    /** When a test set {@link #hold}: says so and waits until the test releases it. */
    private void waitIfHeld() {
        if (hold == null) {
            return;
        }
        reachedHold.countDown();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public double frameRate() {
        return 50;
    }

    @Override
    public void close() {
        closed = true;
    }
}

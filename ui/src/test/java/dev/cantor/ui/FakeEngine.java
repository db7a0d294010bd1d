package dev.cantor.ui;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.audio.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A test double of the engine for view-model tests: reports the real stages, makes a sine whose
 * pitch follows the seed, and can hold a generation at a given frame until released (to test
 * cancel while it runs).
 */
final class FakeEngine implements MusicEngine {

    static final int RATE = 8000;
    final List<GenerationRequest> requests = new ArrayList<>();
    volatile CountDownLatch hold;
    final CountDownLatch reachedHold = new CountDownLatch(1);
    volatile boolean closed;

    @Override
    public GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel) {
        requests.add(request);
        progress.onProgress(0, 1, "conditioning");
        progress.onProgress(1, 1, "conditioning");
        int frames = (int) Math.round(request.seconds() * 50);
        for (int f = 1; f <= frames; f++) {
            cancel.throwIfCancelled();
            if (f == frames / 2 && hold != null) {
                reachedHold.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.throwIfCancelled();
            }
            progress.onProgress(f, frames, "generating");
        }
        progress.onProgress(1, 1, "decoding");
        float[] x = new float[(int) Math.round(request.seconds() * RATE)];
        double hz = 200 + request.seed() % 100;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new GenerationResult(new AudioClip(x, RATE), new int[4][frames], 0.1, 0.01);
    }

    @Override
    public dev.cantor.engine.api.StoryResult generateStory(dev.cantor.engine.api.StoryRequest request,
                                                           ProgressListener progress, CancellationToken cancel) {
        int n = request.sections().size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + (int) Math.round(request.sections().get(i).seconds() * 50);
            cancel.throwIfCancelled();
            progress.onProgress(start[i + 1], Math.round(request.seconds() * 50), "section " + (i + 1) + " of " + n);
        }
        float[] x = new float[start[n] * RATE / 50];
        return new dev.cantor.engine.api.StoryResult(new AudioClip(x, RATE), new int[4][start[n]], start, 50, 0.1);
    }

    @Override
    public dev.cantor.engine.api.StoryResult regenerateSection(dev.cantor.engine.api.StoryRequest request,
                                                               dev.cantor.engine.api.StoryResult previous, int section,
                                                               boolean regenerateFollowing, ProgressListener progress,
                                                               CancellationToken cancel) {
        return generateStory(request, progress, cancel);
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

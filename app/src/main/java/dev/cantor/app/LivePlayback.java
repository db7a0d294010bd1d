package dev.cantor.app;

import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.SpeakerOutput;
import dev.cantor.engine.audio.StreamPlayer;

/**
 * {@code generate --play}: the first take on the sound card from its first chunk on, while the
 * rest is still being made, then played to its end (Ctrl-C stops it).
 */
final class LivePlayback implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final StreamPlayer player;

    private LivePlayback(StreamPlayer player) {
        this.player = player;
    }

    /**
     * Opens the default sound output.
     *
     * @throws UserInputException (exit 2) when there is none: leave out --play
     */
    static LivePlayback open(int sampleRate) {
        try {
            return new LivePlayback(new StreamPlayer(new SpeakerOutput(null), sampleRate));
        } catch (AudioDeviceException e) {
            throw new UserInputException(e.getMessage() + "; leave out --play to only write the file");
        }
    }

    /** Hands take 0's chunks to the sound card, and ends the stream with its last. */
    AudioStreamListener listener() {
        return chunk -> {
            if (chunk.take() == 0) {
                player.append(chunk.samples());
                if (chunk.isLast()) {
                    player.finish();
                }
            }
        };
    }

    /** Times the sound card waited for the generator (a gap was heard). */
    int stalls() {
        return player.stalls();
    }

    /** Waits until the take has played to its end; a cancel (Ctrl-C) stops it at once. */
    void awaitEnd(CancellationToken cancel) throws InterruptedException {
        while (!player.awaitEnd(POLL_MILLIS)) {
            if (cancel.isCancelled()) {
                player.stop();
                throw new CancelledException();
            }
        }
    }

    @Override
    public void close() {
        player.stop();
    }
}

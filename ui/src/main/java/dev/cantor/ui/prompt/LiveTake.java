package dev.cantor.ui.prompt;

import dev.cantor.engine.api.AudioAnalysis;
import dev.cantor.engine.api.AudioChunk;
import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.Waveform;
import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.PcmOutput;
import dev.cantor.engine.audio.StreamPlayer;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Hear it while it is made": the take being generated, played on the studio's output as the
 * engine hands out its chunks ({@link StreamPlayer}), and its waveform filled in chunk by chunk.
 * Only take 0 is heard when several are made together (one voice at a time is what a musician can
 * follow). The chunk callback runs on the engine thread and only queues audio and copies samples;
 * what the window shows is posted to the UI executor. Memory: one float per sample of the take,
 * whose length the engine bounds.
 */
public final class LiveTake implements AudioStreamListener {

    private final Supplier<PcmOutput> speakers;
    private final Executor ui;
    private final AudioAnalysis analysis;
    private final BooleanProperty streaming = new SimpleBooleanProperty(false);
    private final LongProperty received = new SimpleLongProperty(0);
    private final ObjectProperty<Waveform> peaks = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    /** Guarded by this: the player of the current stream (null before its first chunk or without a device). */
    private StreamPlayer player;
    private float[] audio;
    private boolean muted;
    /** Bumped by every {@link #begin} and {@link #stop}, so a late chunk of an older stream is dropped. */
    private long generation;

    /** @param speakers makes the output device the take is heard on (the studio's playback output) */
    public LiveTake(Supplier<PcmOutput> speakers, Executor ui, AudioAnalysis analysis) {
        this.speakers = speakers;
        this.ui = ui;
        this.analysis = analysis;
    }

    /** True from the first chunk of a take until it is stopped or replaced: the take is being heard. */
    public ReadOnlyBooleanProperty streaming() {
        return streaming;
    }

    /** Samples of the current take received so far. */
    public ReadOnlyLongProperty received() {
        return received;
    }

    /** The waveform of what has arrived (silence after it, so the view keeps the take's full length). */
    public ReadOnlyObjectProperty<Waveform> peaks() {
        return peaks;
    }

    /** Why the take cannot be heard while it is made (no sound device), or "". */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /** Starts a new stream (UI thread): the previous one stops; with {@code mute} chunks are shown, not played. */
    public void begin(boolean mute) {
        stop();
        synchronized (this) {
            muted = mute;
        }
        message.set("");
        received.set(0);
    }

    @Override
    public void onChunk(AudioChunk chunk) {
        if (chunk.take() != 0) {
            return;
        }
        long mine;
        Waveform filled;
        synchronized (this) {
            mine = generation;
            if (audio == null || audio.length != chunk.totalSamples() || chunk.offset() == 0) {
                audio = new float[chunk.totalSamples()];
            }
            System.arraycopy(chunk.samples(), 0, audio, chunk.offset(), chunk.samples().length);
            if (!muted) {
                play(chunk);
            }
            filled = analysis.waveform(audio);
        }
        long end = chunk.end();
        ui.execute(() -> {
            synchronized (this) {
                if (generation != mine) {
                    return;
                }
            }
            streaming.set(true);
            received.set(end);
            peaks.set(filled);
        });
    }

    /** Called with the engine's lock held: opens the player on the first chunk, then queues. */
    private void play(AudioChunk chunk) {
        if (player == null && chunk.offset() == 0) {
            try {
                player = new StreamPlayer(speakers.get(), chunk.sampleRate());
            } catch (AudioDeviceException e) {
                muted = true;
                String why = e.getMessage();
                ui.execute(() -> message.set(why));
                return;
            }
        }
        if (player != null) {
            player.append(chunk.samples());
            if (chunk.isLast()) {
                player.finish();
            }
        }
    }

    /**
     * The take is done or failed: what is queued plays out (a finished take) and the window shows
     * the take itself from now on.
     */
    public void end() {
        synchronized (this) {
            generation++;
            if (player != null) {
                player.finish();        // it plays out on its own thread; stop() still silences it
            }
            audio = null;
        }
        streaming.set(false);
        peaks.set(null);
    }

    /** Stops the sound at once (cancel, stop, or another playback starting). */
    public void stop() {
        StreamPlayer stopping;
        synchronized (this) {
            generation++;
            stopping = player;
            player = null;
            audio = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
        streaming.set(false);
        peaks.set(null);
    }
}

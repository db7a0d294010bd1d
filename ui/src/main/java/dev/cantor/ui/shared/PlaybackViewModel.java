package dev.cantor.ui.shared;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.AudioPlayer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.concurrent.Executor;

/**
 * Transport for one clip (the selected take or the hum): play / pause / stop, a playhead that
 * follows what is heard, click-to-seek and looping a selection. A missing sound device becomes a
 * message, not an exception.
 */
public final class PlaybackViewModel {

    private final AudioPlayer player;
    private final Executor ui;
    private final ObjectProperty<AudioClip> clip = new SimpleObjectProperty<>();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final LongProperty playhead = new SimpleLongProperty(0);
    private final LongProperty selectionStart = new SimpleLongProperty(-1);
    private final LongProperty selectionEnd = new SimpleLongProperty(-1);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    /** Bumped on every start and stop, so reports from an older playback are ignored. */
    private volatile long session;

    public PlaybackViewModel(AudioPlayer player, Executor ui) {
        this.player = player;
        this.ui = ui;
        clip.addListener((obs, old, now) -> {
            stop();
            playhead.set(0);
            clearSelection();
        });
    }

    public ObjectProperty<AudioClip> clip() {
        return clip;
    }

    public ReadOnlyBooleanProperty playing() {
        return playing;
    }

    /** The sample being heard, or where playback will start. */
    public ReadOnlyLongProperty playhead() {
        return playhead;
    }

    public LongProperty selectionStart() {
        return selectionStart;
    }

    public LongProperty selectionEnd() {
        return selectionEnd;
    }

    /** Loop the selection (when there is one). */
    public BooleanProperty loop() {
        return loop;
    }

    /** Why playback could not start, or "". */
    public ReadOnlyStringProperty message() {
        return message;
    }

    public boolean hasSelection() {
        return selectionStart.get() >= 0 && selectionEnd.get() > selectionStart.get();
    }

    /** Selects [a, b) in samples (in either order); an empty range clears the selection. */
    public void select(long a, long b) {
        long from = Math.max(0, Math.min(a, b));
        long to = Math.min(length(), Math.max(a, b));
        if (to - from < 1) {
            clearSelection();
            return;
        }
        selectionStart.set(from);
        selectionEnd.set(to);
    }

    public void clearSelection() {
        selectionStart.set(-1);
        selectionEnd.set(-1);
    }

    /** Space: play from the playhead, or pause where it is. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        AudioClip c = clip.get();
        if (c == null) {
            return;
        }
        long from = playhead.get() >= c.length() ? 0 : playhead.get();
        boolean looping = loop.get() && hasSelection();
        if (looping && (from < selectionStart.get() || from >= selectionEnd.get())) {
            from = selectionStart.get();
        }
        long mine = ++session;
        playing.set(true);          // before the player starts: it may report the end at once
        try {
            player.play(c, from, looping ? selectionStart.get() : 0, looping ? selectionEnd.get() : 0,
                    new AudioPlayer.Listener() {
                        @Override
                        public void onPosition(long sample) {
                            ui.execute(() -> {
                                if (session == mine) {
                                    playhead.set(sample);
                                }
                            });
                        }

                        @Override
                        public void onFinished() {
                            ui.execute(() -> {
                                if (session == mine) {
                                    playhead.set(0);
                                    playing.set(false);
                                }
                            });
                        }
                    });
            message.set("");
        } catch (AudioDeviceException e) {
            playing.set(false);
            message.set(e.getMessage());
        }
    }

    /** Stops and keeps the playhead where the sound stopped. */
    public void pause() {
        session++;
        player.stop();
        if (playing.get()) {
            playhead.set(Math.min(player.position(), length()));
        }
        playing.set(false);
    }

    /** Stops and returns the playhead to the start (of the selection when looping). */
    public void stop() {
        session++;
        player.stop();
        playing.set(false);
        playhead.set(loop.get() && hasSelection() ? selectionStart.get() : 0);
    }

    /** Moves the playhead (click on the waveform); playback continues from there if it was running. */
    public void seek(long sample) {
        boolean wasPlaying = playing.get();
        if (wasPlaying) {
            session++;
            player.stop();
            playing.set(false);
        }
        playhead.set(Math.max(0, Math.min(sample, length())));
        if (wasPlaying) {
            play();
        }
    }

    private long length() {
        return clip.get() == null ? 0 : clip.get().length();
    }

    public void shutdown() {
        session++;
        player.close();
    }
}

package dev.cantor.ui.hum;

import dev.cantor.engine.api.AudioAnalysis;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.MelodyTranscriber;
import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.audio.MicrophoneRecorder;
import dev.cantor.ui.prompt.PromptViewModel;
import dev.cantor.ui.shared.EngineWorker;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * The hum recorder: choose a microphone, watch the level and the pitch contour while humming,
 * stop, listen, trim, and hand the melody to the generator. A WAV file can stand in for the
 * microphone; without any microphone the recorder says so and import still works.
 */
public final class HumViewModel {

    /** Pitch contour frames per second (the codec's frame rate, as the melody condition uses). */
    public static final double CONTOUR_RATE = 50;
    /** Audio before a new block that the live tracker looks at (one YIN window). */
    private static final int LOOKBACK = 2048;

    private final HumDevices devices;
    private final EngineWorker worker;
    private final int sampleRate;
    private final MicrophoneRecorder recorder;
    private final AudioAnalysis analysis;

    private final ObservableList<String> deviceNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> device = new SimpleObjectProperty<>();
    private final BooleanProperty recording = new SimpleBooleanProperty(false);
    private final DoubleProperty level = new SimpleDoubleProperty(0);
    private final ObjectProperty<float[]> contour = new SimpleObjectProperty<>(new float[0]);
    private final ObjectProperty<AudioClip> hum = new SimpleObjectProperty<>();
    private final DoubleProperty trimStart = new SimpleDoubleProperty(0);
    private final DoubleProperty trimEnd = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final MelodyTranscriber melodies;
    private final BooleanProperty exportingMidi = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> midiFile = new SimpleObjectProperty<>();
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(false);
    private final DoubleProperty gridTempo = new SimpleDoubleProperty(120);

    /** Live-tracking state, touched only on the recording thread. */
    private float[] live = new float[0];
    private int liveSize;

    /** @param melodies turns the hum into notes and writes them as MIDI ("Export MIDI…") */
    public HumViewModel(HumDevices devices, EngineWorker worker, int sampleRate, String preferredDevice,
                        AudioAnalysis analysis, MelodyTranscriber melodies) {
        this.melodies = melodies;
        this.devices = devices;
        this.worker = worker;
        this.analysis = analysis;
        this.sampleRate = sampleRate;
        this.recorder = new MicrophoneRecorder(() -> devices.open(device.get()), sampleRate);
        refreshDevices(preferredDevice);
    }

    /** Re-reads the list of microphones (a headset may have been plugged in). */
    public void refreshDevices(String preferred) {
        List<String> names;
        try {
            names = devices.names();
        } catch (RuntimeException e) {
            names = List.of();
        }
        deviceNames.setAll(names);
        device.set(preferred != null && names.contains(preferred) ? preferred : names.isEmpty() ? null : names.get(0));
        message.set(names.isEmpty() ? "No microphone found. You can import a WAV file of your melody instead." : "");
    }

    public ObservableList<String> deviceNames() {
        return deviceNames;
    }

    public ObjectProperty<String> device() {
        return device;
    }

    public ReadOnlyBooleanProperty recording() {
        return recording;
    }

    /** Peak level of the latest block, 0..1. */
    public ReadOnlyDoubleProperty level() {
        return level;
    }

    /** Pitch in Hz per frame at {@link #CONTOUR_RATE} (0 = unvoiced). */
    public ReadOnlyObjectProperty<float[]> contour() {
        return contour;
    }

    /** The recorded or imported melody, or null. */
    public ReadOnlyObjectProperty<AudioClip> hum() {
        return hum;
    }

    /** Start of the part kept, in seconds. */
    public DoubleProperty trimStart() {
        return trimStart;
    }

    /** End of the part kept, in seconds. */
    public DoubleProperty trimEnd() {
        return trimEnd;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    /** Starts recording from the chosen microphone. */
    public void record() {
        if (recording.get()) {
            return;
        }
        live = new float[sampleRate * 10];
        liveSize = 0;
        contour.set(new float[0]);
        try {
            recorder.start((block, peak, total) -> {
                float[] frames = trackLive(block);
                worker.ui().execute(() -> {
                    level.set(peak);
                    float[] old = contour.get();
                    float[] grown = Arrays.copyOf(old, old.length + frames.length);
                    System.arraycopy(frames, 0, grown, old.length, frames.length);
                    contour.set(grown);
                });
            });
            recording.set(true);
            message.set("Recording… hum your melody, then press Stop.");
        } catch (AudioDeviceException e) {
            message.set(e.getMessage());
        }
    }

    /** Stops recording and keeps the take as the hum. */
    public void stop() {
        if (!recording.get()) {
            return;
        }
        AudioClip take = recorder.stop();
        recording.set(false);
        level.set(0);
        if (take.length() == 0) {
            message.set("Nothing was recorded.");
            return;
        }
        setHum(take);
        message.set(String.format(java.util.Locale.ROOT, "Recorded %.1f s.", take.seconds()));
        updateContour(take);
    }

    /** Loads a WAV file as the hum (off the UI thread); errors become the message. */
    public void importFile(Path file) {
        message.set("Reading " + file.getFileName() + "…");
        worker.submit(() -> {
            AudioClip clip = AudioLoader.loadAtMost(file, sampleRate, GenerationRequest.MAX_SECONDS, "a melody");
            if (clip.length() == 0) {
                throw new java.io.IOException(file.getFileName() + " holds no audio");
            }
            return new Object[] {clip, analysis.pitch(clip.samples(), sampleRate, CONTOUR_RATE)};
        }, result -> {
            AudioClip clip = (AudioClip) result[0];
            contour.set((float[]) result[1]); // before the hum: whoever sees the new hum sees its contour
            setHum(clip);
            message.set(String.format(java.util.Locale.ROOT, "Imported %s (%.1f s).", file.getFileName(),
                    clip.seconds()));
        }, e -> message.set("Cannot import: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }

    /** The hum between the trim points, or null when there is none. */
    public AudioClip trimmed() {
        AudioClip clip = hum.get();
        if (clip == null) {
            return null;
        }
        int from = (int) Math.round(Math.max(0, trimStart.get()) * sampleRate);
        int to = (int) Math.round(Math.min(clip.seconds(), trimEnd.get()) * sampleRate);
        if (to - from < sampleRate / 10) {
            return null;
        }
        return new AudioClip(Arrays.copyOfRange(clip.samples(), from, to), sampleRate);
    }

    /** True while the hum is being turned into MIDI. */
    public ReadOnlyBooleanProperty exportingMidi() {
        return exportingMidi;
    }

    /** The MIDI file last written from this hum (what can be dragged out to a DAW), or null. */
    public ReadOnlyObjectProperty<Path> midiFile() {
        return midiFile;
    }

    /**
     * Whether "Export MIDI…" moves the notes onto sixteenths at {@link #gridTempo} and writes that
     * tempo into the file, so they line up with a DAW's bars; off, they keep the times they were
     * sung at and the file says 120 bpm.
     */
    public BooleanProperty snapToGrid() {
        return snapToGrid;
    }

    /** The tempo of the sixteenth-note grid, in bpm ({@link TranscriptionOptions#MIN_TEMPO} to MAX_TEMPO). */
    public DoubleProperty gridTempo() {
        return gridTempo;
    }

    /**
     * "Export MIDI…": finds the notes of the trimmed hum and writes them to {@code out} as a
     * standard MIDI file, off the UI thread, atomically; on the grid when {@link #snapToGrid} is
     * on. A hum without a melody (silence, noise) or a tempo out of range becomes a one-line
     * message and no file.
     *
     * @param replace whether a file already at {@code out} may be replaced (the view asked first)
     */
    public void exportMidi(Path out, boolean replace) {
        AudioClip melody = trimmed();
        if (melody == null) {
            message.set("Record or import a melody of at least 0.1 s first.");
            return;
        }
        if (exportingMidi.get()) {
            return;
        }
        TranscriptionOptions options;
        try {
            options = snapToGrid.get() ? TranscriptionOptions.atTempo(gridTempo.get())
                    : TranscriptionOptions.unquantized();
        } catch (RequestException e) {
            message.set("No MIDI written: " + e.getMessage());
            return;
        }
        exportingMidi.set(true);
        message.set("Finding the notes…");
        worker.submit(() -> {
            MelodyTranscription notes = melodies.transcribe(melody, options,
                    (done, total, stage) -> { }, new CancellationToken());
            melodies.writeMidi(notes, out, replace);
            return notes;
        }, notes -> {
            exportingMidi.set(false);
            midiFile.set(out);
            message.set(String.format(java.util.Locale.ROOT, "Wrote %d notes to %s%s. Drag it into your DAW.",
                    notes.notes().size(), out.getFileName(), notes.quantized()
                            ? String.format(java.util.Locale.ROOT, ", on sixteenths at %.0f bpm", notes.tempoBpm())
                            : ""));
        }, e -> {
            exportingMidi.set(false);
            message.set("No MIDI written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    /** "Generate with this melody": hands the trimmed hum to the generator. */
    public boolean useAsMelody(PromptViewModel generator) {
        AudioClip melody = trimmed();
        if (melody == null) {
            message.set("Record or import a melody of at least 0.1 s first.");
            return false;
        }
        generator.melody().set(melody);
        message.set(String.format(java.util.Locale.ROOT, "The generator will follow this %.1f s melody.",
                melody.seconds()));
        return true;
    }

    public void shutdown() {
        recorder.stop();
    }

    private void setHum(AudioClip clip) {
        midiFile.set(null);                     // the MIDI on offer is of the old hum
        hum.set(clip);
        trimStart.set(0);
        trimEnd.set(clip.seconds());
    }

    private void updateContour(AudioClip take) {
        worker.submit(() -> analysis.pitch(take.samples(), sampleRate, CONTOUR_RATE), contour::set, e -> { });
    }

    /** Pitch frames for a new block, tracked with a little audio before it (recording thread). */
    private float[] trackLive(float[] block) {
        if (liveSize + block.length > live.length) {
            live = Arrays.copyOf(live, Math.max(2 * live.length, liveSize + block.length));
        }
        System.arraycopy(block, 0, live, liveSize, block.length);
        int before = liveSize;
        liveSize += block.length;
        int from = Math.max(0, before - LOOKBACK);
        float[] window = Arrays.copyOfRange(live, from, liveSize);
        float[] pitches = analysis.pitch(window, sampleRate, CONTOUR_RATE);
        int firstFrame = (int) Math.round((before - from) * CONTOUR_RATE / sampleRate);
        int lastFrame = (int) Math.round((liveSize - from) * CONTOUR_RATE / sampleRate);
        return Arrays.copyOfRange(pitches, Math.min(firstFrame, pitches.length), Math.min(lastFrame, pitches.length));
    }
}

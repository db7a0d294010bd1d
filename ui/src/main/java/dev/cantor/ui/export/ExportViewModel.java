package dev.cantor.ui.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.TextFiles;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.LoopPoints;
import dev.cantor.engine.audio.Resampler;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.StudioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Export of a take or a story: WAV at 16/24-bit or 32-bit float, at 32, 44.1 or 48 kHz, written atomically,
 * with the JSON of its settings beside it ({@link Exportable#sidecar}). An existing file is replaced only
 * after the musician confirmed it ({@link #needsConfirmation}).
 */
public final class ExportViewModel {

    public static final List<Integer> SAMPLE_RATES = List.of(32000, 44100, 48000);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EngineWorker worker;
    private final ObjectProperty<SampleFormat> format = new SimpleObjectProperty<>(SampleFormat.PCM_16);
    private final IntegerProperty sampleRate = new SimpleIntegerProperty(44100);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");

    public ExportViewModel(EngineWorker worker, StudioSettings settings) {
        this.worker = worker;
        try {
            format.set(SampleFormat.valueOf(settings.exportFormat()));
        } catch (IllegalArgumentException | NullPointerException e) {
            format.set(SampleFormat.PCM_16);
        }
        sampleRate.set(SAMPLE_RATES.contains(settings.exportSampleRate()) ? settings.exportSampleRate() : 44100);
    }

    public ObjectProperty<SampleFormat> format() {
        return format;
    }

    public IntegerProperty sampleRate() {
        return sampleRate;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    /** True when writing to {@code wav} would replace a file (the WAV or its JSON). */
    public static boolean needsConfirmation(Path wav) {
        return Files.exists(wav) || Files.exists(Exportable.sidecarPath(wav));
    }

    /**
     * Writes the take or story in the background.
     *
     * @param overwriteConfirmed the musician agreed to replace existing files
     * @param onDone             runs on the UI thread with the written file, or null on failure
     */
    public void export(Exportable item, Path wav, boolean overwriteConfirmed, Consumer<Path> onDone) {
        if (!overwriteConfirmed && needsConfirmation(wav)) {
            message.set(wav.getFileName() + " already exists; confirm to replace it.");
            onDone.accept(null);
            return;
        }
        SampleFormat f = format.get();
        int rate = sampleRate.get();
        busy.set(true);
        message.set("Exporting " + wav.getFileName() + "…");
        worker.submit(() -> {
            write(item, wav, f, rate);
            return wav;
        }, written -> {
            busy.set(false);
            message.set("Exported " + written.getFileName() + " (" + describe(f, rate) + ") and its settings as "
                    + Exportable.sidecarPath(written).getFileName());
            onDone.accept(written);
        }, e -> {
            busy.set(false);
            message.set("Export failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            onDone.accept(null);
        });
    }

    /** Resamples, writes the WAV and then the JSON, each atomically. */
    static void write(Exportable item, Path wav, SampleFormat format, int rate) throws java.io.IOException {
        AudioClip audio = item.audio();
        float[] samples = audio.sampleRate() == rate ? audio.samples()
                : Resampler.resample(audio.samples(), audio.sampleRate(), rate);
        Path parent = wav.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (item.isLoop()) {
            WavWriter.write(wav, new AudioClip(samples, rate), format, LoopPoints.whole(samples.length));
        } else {
            WavWriter.write(wav, new AudioClip(samples, rate), format);
        }
        TextFiles.writeAtomically(Exportable.sidecarPath(wav),
                JSON.writeValueAsString(item.sidecar(rate, format.name())));
    }

    static String describe(SampleFormat f, int rate) {
        String bits = f.isFloat() ? "32-bit float" : f.bitsPerSample() + "-bit";
        return bits + ", " + (rate % 1000 == 0 ? rate / 1000 + "" : String.format(java.util.Locale.ROOT, "%.1f",
                rate / 1000.0)) + " kHz";
    }
}

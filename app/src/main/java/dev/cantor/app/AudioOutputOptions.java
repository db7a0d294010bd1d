package dev.cantor.app;

import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.io.AtomicFiles;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that write a WAV ({@code generate}, {@code codec}). */
final class AudioOutputOptions {

    @Option(names = "--out", required = true, description = "Output WAV at the model's sample rate.")
    Path out;

    @Option(names = "--format", defaultValue = "16", description = "Output sample format: 16, 24 or 32f (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    /** The sample format {@code --format} names; a bad name is the user's error, said before any work. */
    SampleFormat sampleFormat() {
        try {
            return SampleFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * Refuses a bad {@code --format} and an {@code --out} that would overwrite a file without
     * {@code --force} (or anything but a regular file with it) or cannot be written.
     */
    void checkWritable() {
        sampleFormat();
        OutputFiles.checkWritable(out, force.given());
    }

    /** What the final write may replace at {@code --out} (checked again then: files appear). */
    AtomicFiles.Replacing replacing() {
        return OutputFiles.replacing(force.given());
    }
}

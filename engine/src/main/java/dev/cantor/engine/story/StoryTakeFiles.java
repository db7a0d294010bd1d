package dev.cantor.engine.story;

import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavReader;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A story's renders on disk, beside its project: {@code NAME.takes/take-001.wav} (32-bit float,
 * so the audio reads back to the sample) and {@code take-001.codes} (its tokens and section
 * frames, so a later "regenerate this section" can continue from them). Files are written
 * atomically and never replace an existing take.
 */
public final class StoryTakeFiles {

    private static final int MAGIC = 0x434E5443; // "CNTC"
    private static final int VERSION = 1;
    private static final int MAX_CODEBOOKS = 64;
    private static final int MAX_FRAMES = 10_000_000;

    private StoryTakeFiles() {
    }

    /** The folder that holds the takes of the project in {@code projectFile}. */
    public static Path takesFolder(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return projectFile.resolveSibling(stem + ".takes");
    }

    /**
     * Writes {@code result} as the next take of the project in {@code projectFile}.
     *
     * @return the take to add to the project (its paths relative to the project file)
     */
    public static StoryProject.StoryTake save(Path projectFile, StoryResult result, long seed, Instant created)
            throws IOException {
        Path folder = takesFolder(projectFile.toAbsolutePath());
        Files.createDirectories(folder);
        int n = claimNextNumber(folder);
        Path wav = folder.resolve(name(n, ".wav"));
        Path codes = folder.resolve(name(n, ".codes"));
        try {
            writeCodes(codes, result);
            WavWriter.write(wav, result.audio(), SampleFormat.FLOAT_32);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(codes);
            throw e;
        }
        List<StoryProject.Span> spans = new ArrayList<>();
        for (int i = 0; i < result.sections(); i++) {
            spans.add(new StoryProject.Span(result.startSeconds(i), result.endSeconds(i)));
        }
        String dir = folder.getFileName().toString();
        return new StoryProject.StoryTake(dir + "/" + wav.getFileName(), seed, created.toString(), spans,
                dir + "/" + codes.getFileName());
    }

    /**
     * Reads a take back (at the rate it was written).
     *
     * @throws StoryProjectException when its files are missing or damaged (with their names)
     */
    public static StoryResult load(Path projectFile, StoryProject.StoryTake take) throws StoryProjectException {
        Path base = projectFile.toAbsolutePath().getParent();
        if (take.codes() == null) {
            throw new StoryProjectException("the take " + take.file() + " kept no tokens; render the story again");
        }
        Path wav = ProjectFolder.existingFile(base, take.file(), "the take " + take.file(),
                ProjectFolder.MAX_TAKE_AUDIO_BYTES);
        Path codes = ProjectFolder.existingFile(base, take.codes(), "the tokens of the take " + take.file(),
                ProjectFolder.MAX_TAKE_CODES_BYTES);
        AudioClip audio;
        try {
            audio = WavReader.read(wav).toMono();
        } catch (IOException e) {
            throw new StoryProjectException("cannot read the take " + wav + ": " + e.getMessage(), e);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(codes), 1 << 16)) {
            return readCodes(new DataInputStream(in), audio, Files.size(codes));
        } catch (EOFException e) {
            throw new StoryProjectException("the tokens of the take (" + codes + ") are cut short", e);
        } catch (IOException e) {
            throw new StoryProjectException("cannot read the tokens of the take (" + codes + "): " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lowest free number by creating its (empty) token file: creation fails when the
     * file exists, so two windows, or two processes, saving a take of one story at the same time
     * never pick the same number and never write over each other's take.
     */
    private static int claimNextNumber(Path folder) throws IOException {
        for (int n = 1; ; n++) {
            if (Files.exists(folder.resolve(name(n, ".wav")))) {
                continue;
            }
            try {
                Files.createFile(folder.resolve(name(n, ".codes")));
                return n;
            } catch (FileAlreadyExistsException taken) {
                // another take has this number; try the next one
            }
        }
    }

    private static String name(int n, String extension) {
        return String.format(Locale.ROOT, "take-%03d%s", n, extension);
    }

    private static void writeCodes(Path file, StoryResult result) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            data.writeDouble(result.frameRate());
            data.writeDouble(result.wallSeconds());
            int[] starts = result.sectionStart();
            data.writeInt(starts.length);
            for (int s : starts) {
                data.writeInt(s);
            }
            int[][] codes = result.codes();
            data.writeInt(codes.length);
            data.writeInt(codes.length == 0 ? 0 : codes[0].length);
            for (int[] row : codes) {
                for (int c : row) {
                    if (c < 0 || c > 0xFFFF) {
                        throw new IOException("token " + c + " does not fit the take's token file");
                    }
                    data.writeShort(c);
                }
            }
            data.flush();
        });
    }

    private static StoryResult readCodes(DataInputStream in, AudioClip audio, long fileBytes) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new StoryProjectException("not a Cantor token file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new StoryProjectException("token file version " + version + " is not one this Cantor reads");
        }
        double frameRate = in.readDouble();
        double wall = in.readDouble();
        int n = in.readInt();
        if (n < 2 || n > 10_000) {
            throw new StoryProjectException("damaged token file (" + n + " section boundaries)");
        }
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = in.readInt();
        }
        int k = in.readInt();
        int frames = in.readInt();
        if (k < 1 || k > MAX_CODEBOOKS || frames < 0 || frames > MAX_FRAMES || starts[n - 1] != frames) {
            throw new StoryProjectException("damaged token file (" + k + " codebooks, " + frames + " frames)");
        }
        long header = 4 + 4 + 8 + 8 + 4 + 4L * n + 4 + 4;
        if (header + 2L * k * frames > fileBytes) {
            throw new EOFException("the file is shorter than its " + k + " codebooks of " + frames + " frames");
        }
        int[][] codes = new int[k][frames];
        for (int[] row : codes) {
            for (int t = 0; t < frames; t++) {
                row[t] = in.readUnsignedShort();
            }
        }
        return new StoryResult(audio, codes, starts, frameRate, wall);
    }
}

package dev.cantor.engine.story;

import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFileException;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a story project names — its takes and its sections' melodies — live in the
 * project's own folder, and are named relative to it. A project is a file people share, so
 * what it names is not trusted: an absolute path, a {@code ..} or a link that leads out of the
 * folder is refused (a shared project must not make Cantor read, or "Save as" copy, a file
 * elsewhere on the machine), and so is a folder, a pipe or a device, and a file over the
 * stated size, before anything is read.
 */
public final class ProjectFolder {

    /** Largest take audio read back (a 30-minute story as 32-bit float at 32 kHz is 230 MB). */
    public static final long MAX_TAKE_AUDIO_BYTES = 512_000_000L;
    /** Largest take token file (a 30-minute story's tokens are under 1 MB). */
    public static final long MAX_TAKE_CODES_BYTES = 64_000_000L;
    /** Largest melody file (only its first seconds are decoded; a hum is a few hundred kB). */
    public static final long MAX_MELODY_BYTES = 2_000_000_000L;

    private static final String MELODY_FOLDER = ".melodies";

    private ProjectFolder() {
    }

    /**
     * Where {@code relative}, as a project names it, lies in the folder {@code projectDir}.
     *
     * @param what what the file is, for messages, e.g. "the melody of section 2"
     * @throws StoryProjectException when the name is absolute, leads outside the folder (by
     *                               {@code ..} or through a link), or is not a path at all
     */
    public static Path resolve(Path projectDir, String relative, String what) throws StoryProjectException {
        if (relative == null || relative.isBlank()) {
            throw new StoryProjectException(what + " has no file name");
        }
        Path named;
        try {
            named = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new StoryProjectException(what + " is not a usable file name: " + printable(relative), e);
        }
        if (named.isAbsolute() || named.getRoot() != null) {
            throw new StoryProjectException(what + " is named by an absolute path (" + printable(relative)
                    + "); a project names its files relative to its own folder. Put the file beside the project.");
        }
        Path base = projectDir.toAbsolutePath().normalize();
        Path target = base.resolve(named).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new StoryProjectException(what + " (" + printable(relative) + ") points outside the project's "
                    + "folder; a project may only name files in its own folder");
        }
        if (Files.exists(target)) {
            try {
                if (!target.toRealPath().startsWith(base.toRealPath())) {
                    throw new StoryProjectException(what + " (" + printable(relative) + ") is a link that leads "
                            + "outside the project's folder; a project may only name files in its own folder");
                }
            } catch (IOException e) {
                throw new StoryProjectException("cannot read " + what + " (" + target + "): " + e.getMessage(), e);
            }
        }
        return target;
    }

    /**
     * {@link #resolve} for a file that must exist: a regular file of at most {@code maxBytes}.
     *
     * @throws StoryProjectException naming the file and the problem
     */
    public static Path existingFile(Path projectDir, String relative, String what, long maxBytes)
            throws StoryProjectException {
        Path file = resolve(projectDir, relative, what);
        try {
            InputFiles.requireRegularFile(file, what, maxBytes);
        } catch (NoSuchFileException e) {
            throw new StoryProjectException(what + " was not found: " + file, e);
        } catch (InputFileException e) {
            throw new StoryProjectException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StoryProjectException("cannot read " + what + " (" + file + "): " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Makes {@code source} a melody the project in {@code projectFile} can name: a file already
     * in the project's folder is named as it is; any other is copied into {@code NAME.melodies/}
     * beside the project, so project and melody move and are shared together.
     *
     * @return the name to store in the section, relative to the project's folder
     * @throws IOException when the file is missing, not a regular file, too large, or cannot be copied
     */
    public static String importMelody(Path projectFile, Path source) throws IOException {
        InputFiles.requireRegularFile(source, "the melody", MAX_MELODY_BYTES);
        Path dir = projectFile.toAbsolutePath().getParent().normalize();
        Path abs = source.toAbsolutePath().normalize();
        if (abs.startsWith(dir) && abs.toRealPath().startsWith(dir.toRealPath())) {
            return relativeName(dir, abs);
        }
        Path folder = dir.resolve(stem(projectFile) + MELODY_FOLDER);
        Files.createDirectories(folder);
        Path copy = freeCopyName(folder, abs);
        if (!Files.exists(copy)) {
            AtomicFiles.write(copy, out -> Files.copy(abs, out));
        }
        return relativeName(dir, copy);
    }

    /**
     * The project {@code project}, read from {@code from}, as it is to be saved at {@code to}:
     * its takes and its melodies are copied into the new project's folders (a take whose audio
     * was deleted by hand is left out), and the names in the project point at the copies.
     * Nothing is copied from outside the old project's folder: such a name is refused.
     *
     * @throws StoryProjectException when a take or melody is named outside the old folder, or is
     *                               not a regular file within its size limit
     * @throws IOException           when a copy cannot be written
     */
    public static StoryProject copyFiles(Path from, Path to, StoryProject project) throws IOException {
        Path oldDir = from.toAbsolutePath().getParent();
        Path newDir = to.toAbsolutePath().getParent();
        List<StoryProject.StoryTake> takes = new ArrayList<>();
        Path takeFolder = StoryTakeFiles.takesFolder(to.toAbsolutePath());
        for (StoryProject.StoryTake t : project.takes() == null ? List.<StoryProject.StoryTake>of() : project.takes()) {
            Path wav = resolve(oldDir, t.file(), "the take " + printable(t.file()));
            if (!Files.exists(wav)) {
                continue;                   // a take deleted by hand is dropped from the copy
            }
            existingFile(oldDir, t.file(), "the take " + printable(t.file()), MAX_TAKE_AUDIO_BYTES);
            String wavName = copyInto(wav, takeFolder, newDir);
            String codesName = null;
            if (t.codes() != null) {
                Path codes = resolve(oldDir, t.codes(), "the tokens of the take " + printable(t.file()));
                if (Files.exists(codes)) {
                    existingFile(oldDir, t.codes(), "the tokens of the take " + printable(t.file()),
                            MAX_TAKE_CODES_BYTES);
                    codesName = copyInto(codes, takeFolder, newDir);
                }
            }
            takes.add(new StoryProject.StoryTake(wavName, t.seed(), t.created(), t.sections(), codesName));
        }
        List<StorySection> sections = new ArrayList<>();
        Path melodyFolder = newDir.resolve(stem(to) + MELODY_FOLDER);
        for (int i = 0; i < project.sections().size(); i++) {
            StorySection s = project.sections().get(i);
            if (s.melody() != null && !oldDir.toAbsolutePath().normalize().equals(newDir.toAbsolutePath().normalize())) {
                Path melody = existingFile(oldDir, s.melody(), "the melody of section " + (i + 1), MAX_MELODY_BYTES);
                s = s.withMelody(copyInto(melody, melodyFolder, newDir));
            }
            sections.add(s);
        }
        return project.withSections(sections).withTakes(takes);
    }

    private static String copyInto(Path file, Path folder, Path projectDir) throws IOException {
        Files.createDirectories(folder);
        Path copy = folder.resolve(file.getFileName().toString());
        if (!copy.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            AtomicFiles.write(copy, out -> Files.copy(file, out));
        }
        return relativeName(projectDir.toAbsolutePath().normalize(), copy.toAbsolutePath().normalize());
    }

    /** {@code name.wav} in the folder, or {@code name 2.wav} and so on when a different file has that name. */
    private static Path freeCopyName(Path folder, Path source) throws IOException {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = folder.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            if (Files.isRegularFile(candidate) && Files.mismatch(candidate, source) == -1) {
                return candidate;           // the same melody imported again
            }
            candidate = folder.resolve(base + " " + n + extension);
        }
        return candidate;
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static String stem(Path projectFile) {
        String name = projectFile.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static String printable(String name) {
        return JsonProblems.oneLine(name);
    }
}

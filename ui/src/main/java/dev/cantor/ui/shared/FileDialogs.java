package dev.cantor.ui.shared;

import dev.cantor.engine.audio.AudioFiles;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the studio opens (native dialogs in the window; fixed answers in tests). */
public interface FileDialogs {

    /** An audio file (any format Cantor reads) to import as a melody, or null when the musician cancelled. */
    Path openWav(Window owner);

    /** Where to export, starting in {@code folder} with {@code suggestedName}; null when cancelled. */
    Path saveWav(Window owner, Path folder, String suggestedName);

    /** A model folder to add, or null. */
    Path openModelFolder(Window owner);

    /** A folder of the musician's music to train on, or null. */
    Path openMusicFolder(Window owner);

    /** A story project to open, starting in {@code folder}; null when cancelled. */
    Path openStory(Window owner, Path folder);

    /** Where to save a story project, starting in {@code folder} with {@code suggestedName}; null when cancelled. */
    Path saveStory(Window owner, Path folder, String suggestedName);

    /** Where to write the hum's MIDI, with {@code suggestedName}; null when cancelled. */
    Path saveMidi(Window owner, String suggestedName);

    /** Every file name pattern of the formats Cantor reads ({@link AudioFiles#EXTENSIONS}), both letter cases. */
    static java.util.List<String> audioPatterns() {
        java.util.List<String> patterns = new java.util.ArrayList<>();
        for (String ext : AudioFiles.EXTENSIONS) {
            patterns.add("*." + ext);
            patterns.add("*." + ext.toUpperCase(java.util.Locale.ROOT));
        }
        return patterns;
    }

    /** {@code file}, with ".mid" added when its name does not already end in .mid or .midi. */
    static Path withMidiExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi") ? file : file.resolveSibling(file.getFileName() + ".mid");
    }

    /** {@code file}, with ".wav" added when its name does not already end so. */
    static Path withWavExtension(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav") ? file
                : file.resolveSibling(file.getFileName() + ".wav");
    }

    /** JavaFX's native choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Path openWav(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import a melody");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio (" + AudioFiles.FORMAT_NAMES
                        + ")", audioPatterns()));
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path saveMidi(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export the melody as MIDI");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Standard MIDI file", "*.mid", "*.midi"));
                chooser.setInitialFileName(suggestedName);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : withMidiExtension(f.toPath());
            }

            @Override
            public Path saveWav(Window owner, Path folder, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export take");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav"));
                if (folder != null && folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                chooser.setInitialFileName(suggestedName);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : withWavExtension(f.toPath());
            }

            @Override
            public Path openStory(Window owner, Path folder) {
                FileChooser chooser = storyChooser("Open a story", folder);
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path saveStory(Window owner, Path folder, String suggestedName) {
                FileChooser chooser = storyChooser("Save the story as", folder);
                chooser.setInitialFileName(suggestedName);
                File f = chooser.showSaveDialog(owner);
                if (f == null) {
                    return null;
                }
                Path p = f.toPath();
                return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? p
                        : p.resolveSibling(p.getFileName() + ".json");
            }

            private FileChooser storyChooser(String title, Path folder) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Cantor story", "*.json"));
                if (folder != null && folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return chooser;
            }

            @Override
            public Path openMusicFolder(Window owner) {
                return folder(owner, "Choose a folder of your music");
            }

            @Override
            public Path openModelFolder(Window owner) {
                return folder(owner, "Add a model folder");
            }

            private Path folder(Window owner, String title) {
                javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
                chooser.setTitle(title);
                File f = chooser.showDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }
}

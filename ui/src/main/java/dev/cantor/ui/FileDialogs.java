package dev.cantor.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the studio opens (native dialogs in the window; fixed answers in tests). */
public interface FileDialogs {

    /** A WAV file to import as a melody, or null when the musician cancelled. */
    Path openWav(Window owner);

    /** Where to export, starting in {@code folder} with {@code suggestedName}; null when cancelled. */
    Path saveWav(Window owner, Path folder, String suggestedName);

    /** A model folder to add, or null. */
    Path openModelFolder(Window owner);

    /** JavaFX's native choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Path openWav(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import a melody");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav", "*.WAV"));
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
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
                return f == null ? null : ExportViewModel.withWavExtension(f.toPath());
            }

            @Override
            public Path openModelFolder(Window owner) {
                javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
                chooser.setTitle("Add a model folder");
                File f = chooser.showDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }
}

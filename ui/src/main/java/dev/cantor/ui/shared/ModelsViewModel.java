package dev.cantor.ui.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model selector: the shipped default first, then the model folders the musician added
 * (remembered in the settings). A folder is accepted only if it holds a codec and an LM.
 */
public final class ModelsViewModel {

    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> selected = new SimpleObjectProperty<>();

    /**
     * @param builtIn the shipped model, or null when this installation has none
     * @param added   folders the musician added earlier (missing ones are skipped)
     * @param last    the folder selected last time, or null
     */
    public ModelsViewModel(ModelEntry builtIn, List<String> added, String last) {
        if (builtIn != null) {
            models.add(builtIn);
        }
        for (String folder : added) {
            Path dir = Path.of(folder);
            if (looksLikeModel(dir)) {
                models.add(entryFor(dir));
            }
        }
        selected.set(models.stream().filter(m -> m.dir().toString().equals(last)).findFirst()
                .orElse(models.isEmpty() ? null : models.get(0)));
    }

    public ObservableList<ModelEntry> models() {
        return models;
    }

    public ObjectProperty<ModelEntry> selected() {
        return selected;
    }

    /**
     * Adds a model folder and selects it.
     *
     * @throws IllegalArgumentException with a message for the musician when it is not a model folder
     */
    public ModelEntry add(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!looksLikeModel(abs)) {
            throw new IllegalArgumentException(abs.getFileName() + " is not a Cantor model folder "
                    + "(a model folder holds codec/ and lm/, as made by 'cantor train-lm' or the training tab)");
        }
        for (ModelEntry m : models) {
            if (m.dir().toAbsolutePath().normalize().equals(abs)) {
                selected.set(m);
                return m;
            }
        }
        ModelEntry entry = entryFor(abs);
        models.add(entry);
        selected.set(entry);
        return entry;
    }

    /** The folders the musician added, for the settings file. */
    public List<String> addedFolders() {
        List<String> out = new ArrayList<>();
        for (ModelEntry m : models) {
            if (!m.builtIn()) {
                out.add(m.dir().toString());
            }
        }
        return out;
    }

    static boolean looksLikeModel(Path dir) {
        return Files.isDirectory(dir.resolve("codec")) && Files.isDirectory(dir.resolve("lm"));
    }

    private static ModelEntry entryFor(Path dir) {
        Path name = dir.getFileName();
        return new ModelEntry(name == null ? dir.toString() : name.toString(), dir, false);
    }
}

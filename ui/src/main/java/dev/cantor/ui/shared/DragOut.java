package dev.cantor.ui.shared;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Dragging a file out of the studio onto a file manager or a DAW's track: the drag carries the
 * file itself (a file list, which every desktop and DAW accepts), as a copy.
 */
public final class DragOut {

    private DragOut() {
    }

    /** What a drag of {@code file} carries: the file, and its path as text for drop targets that take only text. */
    public static ClipboardContent content(Path file) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(List.of(file.toAbsolutePath().toFile()));
        content.putString(file.toAbsolutePath().toString());
        return content;
    }

    /**
     * Makes {@code node} a drag source of the file {@code file} gives when the drag starts (null:
     * nothing to drag; an exception: the drag does not start and {@code onError} hears why; a drag
     * that starts clears it with "").
     */
    public static void install(Node node, Supplier<Path> file, java.util.function.Consumer<String> onError) {
        node.setOnDragDetected(e -> {
            Path f;
            try {
                f = file.get();
            } catch (RuntimeException ex) {
                onError.accept(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
                return;
            }
            if (f == null) {
                return;
            }
            onError.accept("");
            Dragboard board = node.startDragAndDrop(TransferMode.COPY);
            board.setContent(content(f));
            e.consume();
        });
    }
}

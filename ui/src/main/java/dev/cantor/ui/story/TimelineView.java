package dev.cantor.ui.story;

import dev.cantor.engine.api.story.StorySection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A story's sections as blocks on a timeline, each as wide as it is long. Click a block to edit
 * it, drag it to reorder, drag its right edge to change its length (the new length shows while
 * dragging and becomes one undo step on release). The block being rendered is highlighted.
 * Keyboard: Left/Right choose a block, Alt+Left/Right move it, Delete removes it.
 */
final class TimelineView extends Pane {

    private static final double PAD = 8;
    private static final double GAP = 4;
    private static final double EDGE = 8;
    private static final double MIN_BLOCK = 28;
    private static final double DRAG_THRESHOLD = 5;

    private final TimelineViewModel vm;
    private final ReadOnlyIntegerProperty activeSection;
    private final List<Block> blocks = new ArrayList<>();
    private final Region dropLine = new Region();

    /** The block being dragged, or -1; whether its edge (resize) or body (move) was grabbed. */
    private int dragIndex = -1;
    private boolean resizing;
    private boolean moved;
    private double pressX;
    private double pressPixelsPerSecond;
    private double pressSeconds;
    private double previewSeconds = -1;
    private int dropIndex = -1;

    TimelineView(TimelineViewModel vm, ReadOnlyIntegerProperty activeSection) {
        this.vm = vm;
        this.activeSection = activeSection;
        getStyleClass().add("timeline");
        setId("timeline");
        setPrefHeight(96);
        setMinHeight(96);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setAccessibleText("Story timeline: the sections in order");
        dropLine.getStyleClass().add("timeline-drop");
        dropLine.setVisible(false);
        dropLine.setManaged(false);
        vm.project().addListener(o -> rebuild());
        vm.selected().addListener(o -> restyle());
        activeSection.addListener(o -> restyle());
        setOnKeyPressed(e -> {
            int i = vm.selected().get();
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                int step = e.getCode() == KeyCode.LEFT ? -1 : 1;
                if (e.isAltDown()) {
                    vm.moveSection(i, i + step);
                } else {
                    vm.selected().set(Math.max(0, Math.min(blocks.size() - 1, i + step)));
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.deleteSection(i);
                e.consume();
            }
        });
        rebuild();
    }

    /** The block of section {@code i} (for tests and screenshots). */
    Region block(int i) {
        return blocks.get(i);
    }

    /** The right edge of section {@code i}'s block, which changes its length when dragged. */
    Region edge(int i) {
        return blocks.get(i).edge;
    }

    private void rebuild() {
        blocks.clear();
        List<StorySection> sections = vm.sections();
        for (int i = 0; i < sections.size(); i++) {
            blocks.add(new Block(i, sections.get(i)));
        }
        getChildren().setAll(blocks);
        getChildren().add(dropLine);
        restyle();
        requestLayout();
    }

    private void restyle() {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            b.getStyleClass().removeAll("selected", "active");
            if (i == vm.selected().get()) {
                b.getStyleClass().add("selected");
            }
            if (i == activeSection.get()) {
                b.getStyleClass().add("active");
            }
        }
    }

    private double seconds(int i) {
        return i == dragIndex && resizing && previewSeconds > 0 ? previewSeconds : vm.sections().get(i).seconds();
    }

    private double pixelsPerSecond() {
        double total = 0;
        for (int i = 0; i < blocks.size(); i++) {
            total += seconds(i);
        }
        double room = getWidth() - 2 * PAD - GAP * Math.max(0, blocks.size() - 1);
        return total <= 0 ? 1 : Math.max(0.1, room / total);
    }

    @Override
    protected void layoutChildren() {
        double pps = dragIndex >= 0 && resizing ? pressPixelsPerSecond : pixelsPerSecond();
        double x = PAD;
        double h = getHeight() - 2 * PAD;
        for (int i = 0; i < blocks.size(); i++) {
            double w = Math.max(MIN_BLOCK, seconds(i) * pps);
            Block b = blocks.get(i);
            b.resizeRelocate(snapPositionX(x), PAD, snapSizeX(w), h);
            x += w + GAP;
        }
        if (dropIndex >= 0 && dropIndex <= blocks.size()) {
            double at = dropIndex < blocks.size() ? blocks.get(dropIndex).getLayoutX() - GAP / 2
                    : x - GAP / 2;
            dropLine.resizeRelocate(at - 1.5, PAD / 2, 3, getHeight() - PAD);
        }
    }

    /** Where a block dropped at {@code sceneX} lands in the order. */
    private int dropTarget(double localX) {
        int target = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (localX > b.getLayoutX() + b.getWidth() / 2) {
                target = i + 1;
            }
        }
        return target;
    }

    private void pressed(int i, MouseEvent e, boolean onEdge) {
        requestFocus();
        vm.selected().set(i);
        dragIndex = i;
        resizing = onEdge;
        moved = false;
        pressX = e.getSceneX();
        pressPixelsPerSecond = pixelsPerSecond();
        pressSeconds = vm.sections().get(i).seconds();
        previewSeconds = -1;
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (dragIndex < 0) {
            return;
        }
        double dx = e.getSceneX() - pressX;
        if (!moved && Math.abs(dx) < DRAG_THRESHOLD) {
            return;
        }
        moved = true;
        Block b = blocks.get(dragIndex);
        if (resizing) {
            previewSeconds = Math.max(TimelineViewModel.MIN_SECTION_SECONDS,
                    Math.round((pressSeconds + dx / pressPixelsPerSecond) * 10) / 10.0);
            b.showSeconds(previewSeconds);
            requestLayout();
        } else {
            b.setTranslateX(dx);
            b.getStyleClass().add("dragging");
            dropIndex = dropTarget(sceneToLocal(e.getSceneX(), e.getSceneY()).getX());
            dropLine.setVisible(true);
            requestLayout();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (dragIndex < 0) {
            return;
        }
        int i = dragIndex;
        boolean wasResize = resizing;
        double seconds = previewSeconds;
        int target = dropIndex;
        dragIndex = -1;
        previewSeconds = -1;
        dropIndex = -1;
        dropLine.setVisible(false);
        if (moved && wasResize && seconds > 0) {
            vm.resizeSection(i, seconds);
        } else if (moved && !wasResize && target >= 0) {
            vm.moveSection(i, target > i ? target - 1 : target);
        }
        rebuild();            // also when the edit was refused: the blocks go back to the project
        e.consume();
    }

    /** One section's block: number, prompt and length, with a grip on its right edge. */
    private final class Block extends VBox {

        final Region edge = new Region();
        private final Label length = new Label();

        Block(int i, StorySection s) {
            getStyleClass().add("timeline-block");
            setId("section-block-" + (i + 1));
            setPadding(new Insets(6, 8, 6, 8));
            setSpacing(2);
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add("block-number");
            Label prompt = new Label(s.prompt() == null || s.prompt().isBlank() ? "(melody only)" : s.prompt());
            prompt.getStyleClass().add("block-prompt");
            prompt.setWrapText(true);
            prompt.setMinWidth(0);
            prompt.setMaxHeight(38);
            length.getStyleClass().add("block-seconds");
            showSeconds(s.seconds());
            getChildren().addAll(number, prompt, length);
            setMinWidth(0);
            Tooltip.install(this, new Tooltip(s.prompt() + "\nDrag to reorder; drag the right edge to change the length."));
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            setAccessibleText(String.format(Locale.ROOT, "Section %d: %s, %.1f seconds", i + 1, s.prompt(),
                    s.seconds()));

            edge.getStyleClass().add("timeline-edge");
            edge.setId("section-edge-" + (i + 1));
            edge.setManaged(false);
            getChildren().add(edge);
            setOnMousePressed(e -> pressed(i, e, false));
            setOnMouseDragged(TimelineView.this::dragged);
            setOnMouseReleased(TimelineView.this::released);
            edge.setOnMousePressed(e -> pressed(i, e, true));
            edge.setOnMouseDragged(TimelineView.this::dragged);
            edge.setOnMouseReleased(TimelineView.this::released);
        }

        void showSeconds(double seconds) {
            length.setText(String.format(Locale.ROOT, "%.1f s", seconds));
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            edge.resizeRelocate(getWidth() - EDGE, 0, EDGE, getHeight());
        }
    }
}

package dev.cantor.ui.shared;

import dev.cantor.engine.api.Waveform;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The selected take's waveform: min/max columns from its {@link Waveform}, zoom (mouse wheel
 * or {@link #zoomBy}), horizontal scroll, the playhead, the loop selection; click to seek,
 * drag to select. Its colours are CSS properties ({@code -cantor-wave-color} and friends) that
 * studio.css sets from the theme's named colours.
 */
public final class WaveformView extends BorderPane {

    private final PlaybackViewModel playback;
    private final ObjectProperty<Waveform> peaks = new SimpleObjectProperty<>();
    /** Section starts in samples (a story's sections), drawn as numbered lines; null for none. */
    private final ObjectProperty<long[]> markers = new SimpleObjectProperty<>();
    /** Visible samples per pixel; 0 = fit the whole clip. */
    private final DoubleProperty samplesPerPixel = new SimpleDoubleProperty(0);
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private double dragStartX = -1;

    private static final StyleablePropertyFactory<WaveformView> CSS =
            new StyleablePropertyFactory<>(BorderPane.getClassCssMetaData());
    /** Colours, set in studio.css from the theme's named colours. */
    private final StyleableProperty<Color> wave = CSS.createStyleableColorProperty(this, "wave",
            "-cantor-wave-color", v -> v.wave, Color.web("#7fd1c7"));
    private final StyleableProperty<Color> background = CSS.createStyleableColorProperty(this, "background",
            "-cantor-wave-background", v -> v.background, Color.web("#15181d"));
    private final StyleableProperty<Color> grid = CSS.createStyleableColorProperty(this, "grid",
            "-cantor-wave-grid", v -> v.grid, Color.web("#2a2f38"));
    private final StyleableProperty<Color> playheadColor = CSS.createStyleableColorProperty(this, "playhead",
            "-cantor-wave-playhead", v -> v.playheadColor, Color.web("#ffb347"));
    private final StyleableProperty<Color> selectionColor = CSS.createStyleableColorProperty(this, "selection",
            "-cantor-wave-selection", v -> v.selectionColor, Color.web("#7fd1c733"));
    private final StyleableProperty<Color> markerColor = CSS.createStyleableColorProperty(this, "marker",
            "-cantor-wave-marker", v -> v.markerColor, Color.web("#c9a0ff"));

    public WaveformView(PlaybackViewModel playback) {
        this.playback = playback;
        getStyleClass().add("waveform");
        Pane holder = new Pane(canvas);
        holder.setMinSize(200, 120);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        setCenter(holder);
        setBottom(scroll);
        scroll.setMin(0);
        scroll.getStyleClass().add("waveform-scroll");
        setAccessibleText("Waveform of the selected take. Click to move the playhead, drag to select a loop.");
        canvas.setFocusTraversable(false);

        for (StyleableProperty<Color> c : List.of(wave, background, grid, playheadColor, selectionColor, markerColor)) {
            ((ObservableValue<?>) c).addListener(o -> redraw());
        }
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        peaks.addListener(o -> {
            samplesPerPixel.set(0);
            scroll.setValue(0);
            redraw();
        });
        samplesPerPixel.addListener(o -> redraw());
        markers.addListener(o -> redraw());
        scroll.valueProperty().addListener(o -> redraw());
        playback.playhead().addListener(o -> {
            followPlayhead();
            redraw();
        });
        playback.selectionStart().addListener(o -> redraw());
        playback.selectionEnd().addListener(o -> redraw());

        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomBy(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
            }
        });
        canvas.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStartX = e.getX();
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (dragStartX >= 0 && Math.abs(e.getX() - dragStartX) > 3) {
                playback.select(sampleAt(dragStartX), sampleAt(e.getX()));
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (dragStartX >= 0 && Math.abs(e.getX() - dragStartX) <= 3) {
                playback.clearSelection();
                playback.seek(sampleAt(e.getX()));
            }
            dragStartX = -1;
        });
    }

    /** The envelope to draw (null clears the view). */
    public ObjectProperty<Waveform> peaks() {
        return peaks;
    }

    public ObjectProperty<long[]> markers() {
        return markers;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Zooms by {@code factor} (&lt; 1 = in) keeping the sample under {@code anchorX} in place. */
    public void zoomBy(double factor, double anchorX) {
        Waveform p = peaks.get();
        if (p == null || canvas.getWidth() < 1) {
            return;
        }
        double fit = p.length() / canvas.getWidth();
        double current = effectiveSamplesPerPixel();
        double anchorSample = scroll.getValue() + anchorX * current;
        double next = Math.max(1, Math.min(fit, current * factor));
        samplesPerPixel.set(next >= fit ? 0 : next);
        updateScroll();
        scroll.setValue(Math.max(0, Math.min(scroll.getMax(), anchorSample - anchorX * effectiveSamplesPerPixel())));
    }

    private double effectiveSamplesPerPixel() {
        Waveform p = peaks.get();
        double fit = p == null || canvas.getWidth() < 1 ? 1 : p.length() / canvas.getWidth();
        return samplesPerPixel.get() <= 0 ? fit : samplesPerPixel.get();
    }

    private void updateScroll() {
        Waveform p = peaks.get();
        double visible = effectiveSamplesPerPixel() * canvas.getWidth();
        double max = p == null ? 0 : Math.max(0, p.length() - visible);
        scroll.setMax(max);
        scroll.setVisibleAmount(visible);
        scroll.setDisable(max <= 0);
    }

    private long sampleAt(double x) {
        return Math.round(scroll.getValue() + x * effectiveSamplesPerPixel());
    }

    private void followPlayhead() {
        if (samplesPerPixel.get() <= 0 || !playback.playing().get()) {
            return;
        }
        double visible = effectiveSamplesPerPixel() * canvas.getWidth();
        long head = playback.playhead().get();
        if (head < scroll.getValue() || head > scroll.getValue() + visible) {
            scroll.setValue(Math.min(scroll.getMax(), head));
        }
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background.getValue());
        g.fillRect(0, 0, w, h);
        g.setStroke(grid.getValue());
        g.strokeLine(0, h / 2, w, h / 2);
        Waveform p = peaks.get();
        int columns = (int) Math.floor(w);
        if (p == null || columns < 1 || p.length() == 0) {
            return;
        }
        updateScroll();
        double per = effectiveSamplesPerPixel();
        long from = Math.round(scroll.getValue());
        long to = from + Math.max(1, Math.round(per * columns));
        if (playback.hasSelection()) {
            double a = (playback.selectionStart().get() - from) / per;
            double b = (playback.selectionEnd().get() - from) / per;
            g.setFill(selectionColor.getValue());
            g.fillRect(Math.max(0, a), 0, Math.min(w, b) - Math.max(0, a), h);
        }
        float[] c = p.columns(from, to, columns);
        double mid = h / 2;
        double scale = h / 2 * 0.95;
        g.setStroke(wave.getValue());
        g.setLineWidth(1);
        for (int x = 0; x < columns; x++) {
            double top = mid - c[2 * x + 1] * scale;
            double bottom = mid - c[2 * x] * scale;
            g.strokeLine(x + 0.5, top, x + 0.5, Math.max(top + 1, bottom));
        }
        long[] marks = markers.get();
        if (marks != null) {
            g.setStroke(markerColor.getValue());
            g.setFill(markerColor.getValue());
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            for (int i = 0; i < marks.length; i++) {
                double x = (marks[i] - from) / per;
                if (x >= 0 && x <= w) {
                    g.strokeLine(x + 0.5, 0, x + 0.5, h);
                    g.fillText(Integer.toString(i + 1), x + 5, 14);
                }
            }
            g.setLineDashes();
        }
        double head = (playback.playhead().get() - from) / per;
        if (head >= 0 && head <= w) {
            g.setStroke(playheadColor.getValue());
            g.setLineWidth(2);
            g.strokeLine(head, 0, head, h);
        }
    }
}

package dev.cantor.ui;

import dev.cantor.engine.dsp.WaveformPeaks;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The selected take's waveform: min/max columns from {@link WaveformPeaks}, zoom (mouse wheel
 * or {@link #zoomBy}), horizontal scroll, the playhead, the loop selection; click to seek,
 * drag to select. Colours come from the theme's named colours via CSS-looked-up paints.
 */
public final class WaveformView extends BorderPane {

    private final PlaybackViewModel playback;
    private final ObjectProperty<WaveformPeaks> peaks = new SimpleObjectProperty<>();
    /** Visible samples per pixel; 0 = fit the whole clip. */
    private final DoubleProperty samplesPerPixel = new SimpleDoubleProperty(0);
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private double dragStartX = -1;

    private Color wave = Color.web("#7fd1c7");
    private Color background = Color.web("#15181d");
    private Color grid = Color.web("#2a2f38");
    private Color playheadColor = Color.web("#ffb347");
    private Color selectionColor = Color.web("#7fd1c733");

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

        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        peaks.addListener(o -> {
            samplesPerPixel.set(0);
            scroll.setValue(0);
            redraw();
        });
        samplesPerPixel.addListener(o -> redraw());
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
    public ObjectProperty<WaveformPeaks> peaks() {
        return peaks;
    }

    /** Sets the theme colours (the view reads them from CSS variables of the scene). */
    public void setColors(Color waveColor, Color backgroundColor, Color gridColor, Color playhead, Color selection) {
        wave = waveColor;
        background = backgroundColor;
        grid = gridColor;
        playheadColor = playhead;
        selectionColor = selection;
        redraw();
    }

    /** Zooms by {@code factor} (&lt; 1 = in) keeping the sample under {@code anchorX} in place. */
    public void zoomBy(double factor, double anchorX) {
        WaveformPeaks p = peaks.get();
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
        WaveformPeaks p = peaks.get();
        double fit = p == null || canvas.getWidth() < 1 ? 1 : p.length() / canvas.getWidth();
        return samplesPerPixel.get() <= 0 ? fit : samplesPerPixel.get();
    }

    private void updateScroll() {
        WaveformPeaks p = peaks.get();
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
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        g.setStroke(grid);
        g.strokeLine(0, h / 2, w, h / 2);
        WaveformPeaks p = peaks.get();
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
            g.setFill(selectionColor);
            g.fillRect(Math.max(0, a), 0, Math.min(w, b) - Math.max(0, a), h);
        }
        float[] c = p.columns(from, to, columns);
        double mid = h / 2;
        double scale = h / 2 * 0.95;
        g.setStroke(wave);
        g.setLineWidth(1);
        for (int x = 0; x < columns; x++) {
            double top = mid - c[2 * x + 1] * scale;
            double bottom = mid - c[2 * x] * scale;
            g.strokeLine(x + 0.5, top, x + 0.5, Math.max(top + 1, bottom));
        }
        double head = (playback.playhead().get() - from) / per;
        if (head >= 0 && head <= w) {
            g.setStroke(playheadColor);
            g.setLineWidth(2);
            g.strokeLine(head, 0, head, h);
        }
    }
}

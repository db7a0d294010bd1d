package dev.cantor.ui.hum;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * A pitch contour: one dot per voiced frame on a log-frequency axis (C2 to C6) with a line at
 * every C, scrolled so the newest frames stay in view while recording.
 */
final class ContourView extends Pane {

    private static final double LOW_HZ = 65.41;      // C2
    private static final double HIGH_HZ = 1046.5;    // C6
    private static final double PIXELS_PER_FRAME = 3;

    private static final StyleablePropertyFactory<ContourView> CSS =
            new StyleablePropertyFactory<>(Pane.getClassCssMetaData());
    private final StyleableProperty<Color> background = CSS.createStyleableColorProperty(this, "background",
            "-cantor-contour-background", v -> v.background, Color.web("#15181d"));
    private final StyleableProperty<Color> grid = CSS.createStyleableColorProperty(this, "grid",
            "-cantor-contour-grid", v -> v.grid, Color.web("#2a2f38"));
    private final StyleableProperty<Color> labels = CSS.createStyleableColorProperty(this, "labels",
            "-cantor-contour-labels", v -> v.labels, Color.web("#6b7380"));
    private final StyleableProperty<Color> pitch = CSS.createStyleableColorProperty(this, "pitch",
            "-cantor-contour-pitch", v -> v.pitch, Color.web("#ffb347"));
    private final ObjectProperty<float[]> contour = new SimpleObjectProperty<>(new float[0]);
    private final Canvas canvas = new Canvas();

    ContourView() {
        getStyleClass().add("contour");
        getChildren().add(canvas);
        setMinHeight(160);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        contour.addListener(o -> redraw());
        for (StyleableProperty<Color> c : List.of(background, grid, labels, pitch)) {
            ((ObservableValue<?>) c).addListener(o -> redraw());
        }
        setAccessibleText("Pitch contour of the melody");
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    ObjectProperty<float[]> contour() {
        return contour;
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background.getValue());
        g.fillRect(0, 0, w, h);
        g.setStroke(grid.getValue());
        g.setFill(labels.getValue());
        for (int octave = 2; octave <= 6; octave++) {
            double y = yOf(LOW_HZ * Math.pow(2, octave - 2), h);
            g.strokeLine(0, y, w, y);
            g.fillText("C" + octave, 4, y - 2);
        }
        float[] pitches = contour.get();
        if (pitches == null || pitches.length == 0) {
            return;
        }
        int visible = (int) (w / PIXELS_PER_FRAME);
        int first = Math.max(0, pitches.length - visible);
        g.setFill(pitch.getValue());
        for (int i = first; i < pitches.length; i++) {
            if (pitches[i] > 0) {
                double x = (i - first) * PIXELS_PER_FRAME;
                g.fillOval(x, yOf(pitches[i], h) - 2, 4, 4);
            }
        }
    }

    private static double yOf(double hz, double h) {
        double u = Math.log(Math.max(LOW_HZ, Math.min(HIGH_HZ, hz)) / LOW_HZ) / Math.log(HIGH_HZ / LOW_HZ);
        return h - 12 - u * (h - 24);
    }
}

package dev.cantor.ui;

import javafx.beans.property.ObjectProperty;
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
        setAccessibleText("Pitch contour of the melody");
    }

    ObjectProperty<float[]> contour() {
        return contour;
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#15181d"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#2a2f38"));
        g.setFill(Color.web("#6b7380"));
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
        g.setFill(Color.web("#ffb347"));
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

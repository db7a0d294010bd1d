import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Cantor's application icon at build time (no art is stored or downloaded): a rounded
 * square in the studio's indigo, a waveform that turns into a beamed pair of notes.
 * Usage: {@code java installers/DrawIcon.java OUT.png [SIZE]}.
 */
public final class DrawIcon {

    public static void main(String[] args) throws Exception {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);     // drawn on a 256-unit grid

        g.setPaint(new GradientPaint(0, 0, new Color(0x3B, 0x2F, 0x8F), 256, 256, new Color(0x12, 0x8C, 0x9E)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // A decaying sine on the left half: the sound.
        Path2D wave = new Path2D.Double();
        for (int i = 0; i <= 100; i++) {
            double x = 28 + i * 1.0;
            double y = 150 - 34 * Math.exp(-i / 60.0) * Math.sin(i / 100.0 * 5 * Math.PI);
            if (i == 0) {
                wave.moveTo(x, y);
            } else {
                wave.lineTo(x, y);
            }
        }
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(wave);

        // Two beamed eighth notes on the right: the music it becomes.
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(128, 164, 40, 30));
        g.fill(new Ellipse2D.Double(184, 150, 40, 30));
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.drawLine(163, 176, 163, 74);
        g.drawLine(219, 162, 219, 60);
        Path2D beam = new Path2D.Double();
        beam.moveTo(158.5, 66);
        beam.lineTo(223.5, 52);
        beam.lineTo(223.5, 80);
        beam.lineTo(158.5, 94);
        beam.closePath();
        g.fill(beam);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}

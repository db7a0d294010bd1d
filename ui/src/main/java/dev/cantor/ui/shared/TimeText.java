package dev.cantor.ui.shared;

import java.util.Locale;

/** Times as the studio writes them: a playhead clock and how long a job took or has left. */
public final class TimeText {

    private TimeText() {
    }

    /** A playhead position or a length, "1:05.3". */
    public static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A duration, "12 s" or "3 min 05 s" (never under a second). */
    public static String duration(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, s));
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}

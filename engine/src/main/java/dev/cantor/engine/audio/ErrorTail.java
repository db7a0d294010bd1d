package dev.cantor.engine.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Drains a child process's diagnostics (its standard error) on a thread of its own, so the child
 * never blocks on a full pipe, and keeps only the last {@value #KEEP} bytes: enough for the last
 * line, which is what a message quotes, whatever the child prints.
 */
final class ErrorTail {

    private static final int KEEP = 4096;
    private static final long JOIN_MILLIS = 5000;
    private static final int LONGEST_QUOTE = 200;
    /** FFmpeg starts a component's line with "[aac @ 0x5555…] ": the address means nothing to a musician. */
    private static final Pattern COMPONENT = Pattern.compile("^\\[[^\\]]*@ 0x[0-9a-fA-F]+\\]\\s*");

    private final byte[] ring = new byte[KEEP];
    private final Thread thread;
    private long written;

    private ErrorTail(InputStream errors) {
        this.thread = new Thread(() -> copy(errors), "cantor-child-stderr");
        thread.setDaemon(true);
    }

    /** Starts draining {@code errors}. */
    static ErrorTail drain(InputStream errors) {
        ErrorTail tail = new ErrorTail(errors);
        tail.thread.start();
        return tail;
    }

    private void copy(InputStream errors) {
        byte[] buffer = new byte[1024];
        try (errors) {
            int n;
            while ((n = errors.read(buffer)) >= 0) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        ring[(int) (written++ % KEEP)] = buffer[i];
                    }
                }
            }
        } catch (IOException closed) {
            // the process was killed or its pipe closed: what arrived so far is all there is
        }
    }

    /** Waits (a few seconds at most) until the child's error stream has ended. */
    void finish() throws InterruptedIOException {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a program's messages");
        }
    }

    /** All that was kept (the last {@value #KEEP} bytes), as text. */
    synchronized String text() {
        int size = (int) Math.min(written, KEEP);
        byte[] tail = new byte[size];
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((written - size + i) % KEEP)];
        }
        return new String(tail, StandardCharsets.UTF_8);
    }

    /** The last non-blank line, without control characters or FFmpeg's component prefix; "" if none. */
    String lastLine() {
        String[] lines = text().split("[\r\n]+");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = COMPONENT.matcher(lines[i].replaceAll("\\p{Cntrl}", " ").strip()).replaceFirst("");
            if (!line.isBlank()) {
                return line.length() > LONGEST_QUOTE ? line.substring(0, LONGEST_QUOTE) + "…" : line;
            }
        }
        return "";
    }
}

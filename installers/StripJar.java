import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the entries whose names match a regular expression: how each installer
 * drops the native libraries of the other platforms (or those it ships unpacked). A small Java
 * program rather than {@code zip -d} so the macOS and Windows recipes run it too.
 * Usage: {@code java installers/StripJar.java IN.jar OUT.jar REGEX}; prints what it removed.
 */
public final class StripJar {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java StripJar.java IN.jar OUT.jar REGEX");
            System.exit(2);
        }
        Pattern drop = Pattern.compile(args[2]);
        long keptBytes = 0;
        long droppedBytes = 0;
        int dropped = 0;
        try (ZipFile in = new ZipFile(args[0]);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (drop.matcher(entry.getName()).matches()) {
                    dropped++;
                    droppedBytes += Math.max(0, entry.getSize());
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    keptBytes += data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        System.err.printf("%s: removed %d entries (%.0f MB uncompressed), kept %.0f MB%n",
                args[1], dropped, droppedBytes / 1e6, keptBytes / 1e6);
    }
}

package dev.cantor.app;

import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns bad arguments and failures into one-line messages and exit codes. The rule (README,
 * "Command line"): 2 when what the user gave is at fault and must change before a new run can
 * succeed — an option, an input file Cantor cannot read or use, a path the system cannot name,
 * an output it will not replace; 1 when the run itself failed (a full disk, a damaged model, a
 * bug); 130 when cancelled.
 */
final class CliErrors {

    static final int EXIT_BAD_ARGS = 2;
    static final int EXIT_FAILED = 1;
    static final int EXIT_CANCELLED = 130;

    private CliErrors() {
    }

    static int onBadArguments(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("cantor: " + e.getMessage() + " (see 'cantor " + commandPath(e.getCommandLine()) + "--help')");
        err.flush();
        return EXIT_BAD_ARGS;
    }

    static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        if (e instanceof CancelledException) {
            err.println("cantor: cancelled");
            err.flush();
            return EXIT_CANCELLED;
        }
        if (e instanceof UserInputException || e instanceof RequestException
                || e instanceof AtomicFiles.NotReplacedException) {
            err.println("cantor: " + e.getMessage());
            err.flush();
            return EXIT_BAD_ARGS;
        }
        if (e instanceof InvalidPathException bad) {
            err.println("cantor: not a path this system can use: " + printable(bad.getInput()) + " (" + bad.getReason() + ")");
            err.flush();
            return EXIT_BAD_ARGS;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("cantor: " + message);
        if (System.getenv("CANTOR_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
    }

    /** {@code text} with control characters (a NUL, an escape) written as Java escapes, so the line stays one line. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String commandPath(CommandLine cli) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}

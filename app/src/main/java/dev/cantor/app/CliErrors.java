package dev.cantor.app;

import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.RequestException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns bad arguments and failures into one-line messages and non-zero exit codes. */
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
        if (e instanceof UserInputException || e instanceof RequestException) {
            err.println("cantor: " + e.getMessage());
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

    private static String commandPath(CommandLine cli) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}

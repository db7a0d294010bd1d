package dev.cantor.app;

import picocli.CommandLine.Option;

/** {@code --json}, shared by every command that prints a result: one JSON object on stdout instead of lines. */
final class JsonOption {

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    /** True when the result is to be printed as JSON. */
    boolean requested() {
        return json;
    }
}

package dev.cantor.app;

import picocli.CommandLine.Option;

/**
 * {@code --force}, shared by every command that writes to {@code --out}: without it nothing there
 * is replaced; with it only what the command itself would write (a regular file, or its own
 * output folder's files), never a link, device or FIFO.
 */
final class ForceOption {

    @Option(names = "--force", description = "Replace what --out already holds.")
    boolean force;

    /** True when the user agreed to replace what is at {@code --out}. */
    boolean given() {
        return force;
    }
}

package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders: a stray % in a description makes picocli print its raw text with a warning. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, CommandLine> commands = Main.newCommandLine().getSubcommands();
        assertTrue(commands.size() >= 10, commands.keySet().toString());
        StringBuilder usages = new StringBuilder();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            commands.forEach((name, command) -> usages.append(command.getUsageMessage()));
        } finally {
            System.setErr(previous);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertFalse(usages.toString().contains("%n"), "a format the help did not apply");
        assertTrue(usages.toString().replaceAll("\\s+", " ").contains("to 10 % at --steps"),
                "train-codec's decay is described");
    }
}

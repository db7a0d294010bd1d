package dev.cantor.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code cantor.jar} the way a user does: {@code java -jar cantor.jar ...}. */
final class CliHarness {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private CliHarness() {
    }

    static Path jar() {
        String jar = System.getProperty("cantor.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("cantor.jar not built (run 'mvn verify' from the root): " + jar);
        }
        return Path.of(jar);
    }

    /** Starts cantor without waiting; stdout and stderr go to the given files. */
    static Process start(Path workDir, Path stdout, Path stderr, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The jar must work without extra flags; only the test's memory cap is added.
        command.add("-Xmx2g");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }

    /** Runs cantor with {@code environment} added to (or replacing entries of) this process's environment. */
    static Result run(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("cantor " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

package dev.cantor.app;

import dev.cantor.engine.runtime.EngineRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code cantor.jar}: with no arguments the studio window, else the command-line
 * interface.
 */
@Command(name = "cantor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cantor: a local music studio. Generates, tokenizes and trains music models on this machine.",
        subcommands = {
            SynthCommand.class,
            TrainCodecCommand.class,
            CodecCommand.class,
            EvalCodecCommand.class,
            ExportCodecCommand.class,
            TokenizeCommand.class,
            TrainLmCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            MakeEvalSetCommand.class,
            TrainJudgeCommand.class,
            EvalCommand.class,
            EvalLmCommand.class,
            ExportModelCommand.class,
            AverageModelsCommand.class,
            StoryCommand.class,
            FinetuneCommand.class,
            ScreenshotCommand.class,
            MelodyToMidiCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 && !java.awt.GraphicsEnvironment.isHeadless()) {
            EngineRuntime.configureDefaults();
            StudioLauncher.open();
            return;
        }
        int code = run(args);
        if (!ShutdownGuard.shuttingDown()) {
            System.exit(code);
        }
    }

    /** Runs the CLI and returns its exit code (used by tests to run commands in-process). */
    public static int run(String... args) {
        EngineRuntime.configureDefaults();
        return newCommandLine().execute(args);
    }

    /** Builds the picocli command line with Cantor's error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(CliErrors::onBadArguments);
        cli.setExecutionExceptionHandler(CliErrors::onFailure);
        return cli;
    }

    @Override
    public void run() {
        // No subcommand on a machine without a display: show the commands.
        spec.commandLine().usage(System.out);
    }
}

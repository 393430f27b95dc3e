package org.attractorlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line face of Attractor Lab: the same pipeline as the desktop app, headless. */
@Command(name = "attractor-lab", mixinStandardHelpOptions = true, version = "Attractor Lab 0.1.0",
        description = "Train recurrent networks on cognitive tasks and analyse the geometry of their hidden states.",
        subcommands = {TrainCommand.class, AnalyzeCommand.class, ExportCommand.class, CompareCommand.class,
                ConfigCommand.class, SweepCommand.class, SweepRunCommand.class, BenchCommand.class, RenderStimuliCommand.class, TrainSensoryCommand.class,
                ExtractFeaturesCommand.class, ReproduceCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the CLI and returns its exit code: 0 success, 1 a failed run, 2 bad usage or input (including a file that
     * cannot be read as what it should be: the message names it and the reason).
     */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the CLI with the given streams (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            Throwable io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
            if (io instanceof java.io.IOException) {
                // a file that cannot be read as what it should be (corrupt, truncated, of the wrong kind): our
                // readers' messages name the file and the reason; the JDK's name at least the file
                String m = io.getMessage();
                if (io instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
                    m += io instanceof java.nio.file.NoSuchFileException ? ": no such file"
                            : io instanceof java.nio.file.AccessDeniedException ? ": permission denied"
                            : ": " + io.getClass().getSimpleName().replace("Exception", "");
                }
                cmd.getErr().println("error: " + m);
                return 2;
            }
            throw ex;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A problem with the user's input that deserves a one-line message, not a stack trace. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }

        public UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package org.attractorlab;

import org.attractorlab.cli.Cli;

/**
 * The single entry point. With no arguments it opens the desktop app; {@code bench-app} runs the app's benchmark
 * in its window; any other sub-command runs the CLI (which never loads JavaFX).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(org.attractorlab.app.AttractorLabApp.class);
            return;
        }
        if (args[0].equals("bench-app")) {
            // the app's own benchmark needs the window, which the CLI never loads
            System.exit(org.attractorlab.app.bench.AppBench.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(Cli.run(args));
    }
}

package org.attractorlab;

import org.attractorlab.cli.Cli;

/**
 * The single entry point. With no arguments it opens the desktop app on the flip-flop sample; {@code app RUN_DIR}
 * opens the app on a saved session (a run directory from the app or from {@code train}), {@code app SWEEP_DIR} on
 * the sample with the sweep in a window of its own; any other sub-command
 * runs the CLI (which never loads JavaFX); {@code bench-app} runs the app's benchmark in its window.
 */
public final class Launcher {
    /** The sub-command that opens the desktop app: {@code app [RUN_DIR]}. */
    public static final String APP = "app";

    private Launcher() {
    }

    /** The option of {@code app} that opens the window, checks that it draws the 3D pane and exits. */
    public static final String SMOKE = "--smoke";

    /** Why {@code args} ({@code app ...}, without {@value #SMOKE}) cannot open the app, or null when they can. */
    static String appUsageProblem(String[] args) {
        if (args.length > 2 || (args.length == 2 && args[1].startsWith("-"))) {
            return "usage: attractor-lab app [RUN_DIR | SWEEP_DIR]   (opens the desktop app, on a saved session if RUN_DIR "
                    + "is given, with the sweep's window if SWEEP_DIR is; with --smoke it checks that the window draws "
                    + "its 3D pane and exits)";
        }
        if (args.length == 2 && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[1]))) {
            return "attractor-lab app: '" + args[1] + "' is not a directory; give a run directory (from the app's "
                    + "sessions or from train --out) or a sweep directory (from sweep --out)";
        }
        return null;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.attractorlab.app.AttractorLabApp.preloadSample();
            javafx.application.Application.launch(org.attractorlab.app.AttractorLabApp.class);
            return;
        }
        if (args[0].equals(APP)) {
            org.attractorlab.app.fx.StartupTrace.mark("main entered");
            if (java.util.Arrays.asList(args).contains(SMOKE)) {
                System.setProperty(org.attractorlab.app.AttractorLabApp.SMOKE_PROPERTY, "true");
                args = java.util.Arrays.stream(args).filter(a -> !a.equals(SMOKE)).toArray(String[]::new);
            }
            String problem = appUsageProblem(args);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            org.attractorlab.app.AttractorLabApp.preloadSample();
            javafx.application.Application.launch(org.attractorlab.app.AttractorLabApp.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args[0].equals("bench-app")) {
            // the app's own benchmark needs the window, which the CLI never loads
            System.exit(org.attractorlab.app.bench.AppBench.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(Cli.run(args));
    }
}

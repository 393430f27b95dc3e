package org.attractorlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb as a user gets it: built by the {@code package} profile from a copy of the sources, installed with
 * {@code dpkg -i}, used from a directory outside the source tree with no JDK on PATH (the package's own runtime),
 * and removed without a trace in /usr. Runs under {@code CI=true} (about 6 to 10 minutes on two cores, most of it
 * compressing the .deb), or elsewhere with {@code -Dattractorlab.packageTest=true}; it needs root, jpackage and dpkg,
 * and is skipped with a message where one is missing (outside CI) or not asked for.
 */
class PackageInstallTest {
    private static final boolean CI = "true".equals(System.getenv("CI"));
    private static final String PACKAGE = "attractor-lab";
    private static final Path LINK = Path.of("/usr/bin/attractor-lab");
    private static final long BUILD_MINUTES = 30;
    private static final long RUN_MINUTES = 5;

    @TempDir
    Path tmp;

    @Test
    void theDebInstallsRunsEveryFaceFromAnyDirectoryWithoutAJdkAndUninstallsCleanly() throws Exception {
        assumeTrue(CI || Boolean.getBoolean("attractorlab.packageTest"), "the installer test runs under CI=true, or "
                + "with -Dattractorlab.packageTest=true (it installs and removes the .deb as root)");
        List<String> missing = new ArrayList<>();
        Path jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        if (!Files.isExecutable(jpackage) && !onPath("jpackage")) {
            missing.add("jpackage (a full JDK 17)");
        }
        for (String tool : List.of("dpkg", "dpkg-deb")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        boolean root = "0".equals(run(tmp, Map.of(), 1, "id", "-u").out.strip());
        if (!root) {
            missing.add("root (dpkg -i)");
        }
        if (!missing.isEmpty()) {
            if (CI) {
                fail("the installer test needs " + missing + " under CI");
            }
            assumeTrue(false, "skipped: the installer test needs " + String.join(", ", missing));
        }
        if (!onPath("fakeroot")) { // jpackage builds the .deb with fakeroot dpkg-deb
            run(tmp, Map.of("DEBIAN_FRONTEND", "noninteractive"), BUILD_MINUTES, "sh", "-c",
                    "apt-get update -qq && apt-get install -y -qq fakeroot");
        }
        String display = System.getenv().getOrDefault("DISPLAY", ":99");

        // 1. the .deb, from a copy of the sources (the build under test keeps its own target/)
        Path src = tmp.resolve("src");
        copySources(Path.of("").toAbsolutePath(), src);
        Result build = run(src, Map.of("DISPLAY", display), BUILD_MINUTES, "./mvnw", "-B", "-q", "-Ppackage",
                "package", "-DskipTests", "-Dmaven.test.skip=true");
        assertEquals(0, build.code, () -> "the package build failed:\n" + build.all());
        Path deb;
        try (Stream<Path> s = Files.list(src.resolve("target/dist"))) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        assertTrue(Files.isDirectory(src.resolve("target/dist/attractor-lab/bin")), "the app image is built too");

        // 2. installed, with /usr listed before
        run(tmp, Map.of(), RUN_MINUTES, "dpkg", "--purge", PACKAGE); // a leftover of an earlier run, if any
        Set<String> usrBefore = listUsr();
        try {
            Result install = run(tmp, Map.of(), RUN_MINUTES, "dpkg", "-i", deb.toString());
            assertEquals(0, install.code, () -> "dpkg -i failed:\n" + install.all());
            assertTrue(Files.isSymbolicLink(LINK), "the package puts attractor-lab on PATH");
            assertTrue(Files.isRegularFile(Path.of("/opt/attractor-lab/lib/app/attractor-lab.jsa")),
                    "postinst dumps the class-data-sharing archive");
            assertTrue(Files.isRegularFile(Path.of("/usr/share/applications/attractor-lab.desktop")));
            assertTrue(Files.isRegularFile(Path.of("/usr/share/icons/hicolor/48x48/apps/attractor-lab.png")));

            // 3. every face, from a directory outside the source tree, with no JDK on PATH: only what the launcher
            //    script itself calls (the JVM is the package's runtime or nothing)
            Path work = Files.createDirectories(tmp.resolve("elsewhere"));
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            for (String tool : List.of("readlink", "dirname")) {
                Files.createSymbolicLink(bin.resolve(tool), which(tool));
            }
            Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", tmp.resolve("home").toString(),
                    "DISPLAY", display);

            Result help = run(work, env, RUN_MINUTES, "/usr/bin/attractor-lab", "--help");
            assertEquals(0, help.code, help::all);
            assertTrue(help.out.contains("Usage: attractor-lab") && help.out.contains("train")
                    && help.out.contains("analyze"), help::all);

            // extra JVM options reach the JVM (the package's native launcher alone would ignore them), beside the
            // package's own, with the user's arguments after them; -Xshare:on fails unless the CDS archive maps
            Map<String, String> extra = new java.util.HashMap<>(env);
            extra.put("ATTRACTOR_LAB_JAVA_OPTS", "-XX:+PrintFlagsFinal -Xshare:on");
            Result flags = run(work, extra, RUN_MINUTES, "/usr/bin/attractor-lab", "--help");
            assertEquals(0, flags.code, flags::all);
            assertTrue(flags.out.matches("(?s).*ThreadPriorityPolicy\\s+= 1 .*")
                    && flags.out.contains("Usage: attractor-lab"), flags::all);

            Result train = run(work, env, RUN_MINUTES, "/usr/bin/attractor-lab", "train", "flipflop-3bit",
                    "--out", "X", "--set", "training.steps=50", "--quiet");
            assertEquals(0, train.code, train::all);
            assertTrue(Files.isRegularFile(work.resolve("X/model.npz")), train::all);
            List<String> log = Files.readAllLines(work.resolve("X/training.csv"));
            assertEquals(51, log.size(), "a header and one row per step of the 50");

            Result analyze = run(work, env, RUN_MINUTES, "/usr/bin/attractor-lab", "analyze", "X");
            assertEquals(0, analyze.code, analyze::all);
            assertTrue(Files.isDirectory(work.resolve("X/analysis")), analyze::all);
            try (Stream<Path> s = Files.list(work.resolve("X/analysis"))) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("pca")), analyze::all);
            }

            // the window: it opens on the sample, and the 3D pane draws its trajectories (the --smoke check)
            Result app = run(work, env, RUN_MINUTES, "/usr/bin/attractor-lab", "app", "--smoke");
            assertEquals(0, app.code, app::all);
            assertTrue(app.out.contains("smoke: window ready"), app::all);

            // 4. removed: nothing of the package, nor of what its scripts made, is left in /usr
            List<String> owned = run(tmp, Map.of(), 1, "dpkg", "-L", PACKAGE).out.lines().toList();
            assertTrue(owned.size() > 100, "dpkg -L lists the package's files");
            Result remove = run(tmp, Map.of(), RUN_MINUTES, "dpkg", "-r", PACKAGE);
            assertEquals(0, remove.code, remove::all);
            List<String> left = owned.stream().filter(p -> Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(Path.of(p))).toList();
            assertEquals(List.of(), left, "the package's files are gone");
            assertFalse(Files.exists(LINK, LinkOption.NOFOLLOW_LINKS), "the link on PATH is gone");
            assertFalse(Files.exists(Path.of("/opt/attractor-lab")), "the installation directory is gone");
            Set<String> usrAfter = listUsr();
            usrAfter.removeAll(usrBefore);
            assertEquals(Set.of(), usrAfter, "nothing new is left in /usr");
        } finally {
            // removed or not, nothing of it stays in dpkg's database either (dpkg -r keeps its scripts' record)
            run(tmp, Map.of(), RUN_MINUTES, "dpkg", "--purge", PACKAGE);
        }
    }

    private static Set<String> listUsr() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("/usr"))) {
            return s.map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The sources the package profile builds from (no tests: the build skips them). */
    private static void copySources(Path from, Path to) throws IOException {
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "src/test/scripts", "samples", "assets",
                "packaging")) {
            Path source = from.resolve(part);
            try (Stream<Path> s = Files.walk(source)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    private static boolean onPath(String tool) {
        return which(tool) != null;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs a command in {@code dir}; a non-empty {@code env} replaces the environment. */
    private Result run(Path dir, Map<String, String> env, long minutes, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (env.containsKey("PATH")) {
            pb.environment().clear();
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(String.join(" ", command) + " took more than " + minutes + " min");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

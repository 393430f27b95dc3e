package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.SessionException;
import org.attractorlab.core.run.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a small trained run directory that is also a saved session (config.json, training.csv, model.npz,
 * two checkpoints, session.json) and of a states export (hidden_states.npy, conditions.csv), truncated to several
 * lengths and bit-flipped at seeded positions, plus crafted files (.npy headers claiming huge shapes, an .npz whose
 * directory lies about an entry's size, entries named {@code ../}, object-dtype and pickled .npy whose pickle would
 * create a marker file): {@code analyze}, {@code export}, {@code compare} and the app's session loader
 * ({@link SavedSession#read}) on each. Each either succeeds (a flip that leaves the file valid) or refuses with a
 * message naming the file, without a stack trace; nothing in the directories read is modified, nothing is written
 * outside the outputs asked for, and the marker never appears.
 */
class CorruptFilesTest {
    /** Truncated lengths, as fractions of the file. */
    private static final double[] CUTS = {0, 0.5, 0.999};
    /** Bit flips per file, at seeded positions. */
    private static final int FLIPS = 3;

    @TempDir
    Path tmp;

    private Path pristine;
    private Path partner;
    private Path states;
    private Path marker;
    private int variant;
    private int refused;
    private int succeeded;
    private final List<String> failures = new ArrayList<>();

    @Test
    void corruptTruncatedAndCraftedFilesAreRefusedNamingTheFileAndNothingIsModified() throws Exception {
        prepare();
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        List<String> runFiles = List.of("config.json", "training.csv", "model.npz", "checkpoints/step-000010.npz",
                "checkpoints/step-000020.npz", SessionState.FILE);
        List<String> stateFiles = List.of("hidden_states.npy", "conditions.csv");
        SplittableRandom random = new SplittableRandom(20261206L);
        for (String f : concat(runFiles, stateFiles)) {
            boolean isState = stateFiles.contains(f);
            long length = Files.size((isState ? states : pristine).resolve(f));
            for (double cut : CUTS) {
                long to = (long) (cut * length);
                check(f, isState, "truncated to " + to + " of " + length + " bytes", p -> truncate(p, to));
            }
            for (int i = 0; i < FLIPS; i++) {
                long at = random.nextLong(length);
                int bit = random.nextInt(8);
                check(f, isState, "bit " + bit + " of byte " + at + " flipped", p -> flip(p, at, bit));
            }
        }
        crafted();
        double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("corrupt files: %d variants of 8 files, %d refusals naming the file, %d successes (a flip "
                + "that leaves the file valid), %d not handled; %.1f s (%.1f s of CPU)%n", variant, refused, succeeded,
                failures.size(), (System.nanoTime() - wall0) / 1e9, cpu);
        assertFalse(Files.exists(marker), "a pickle was executed");
        assertEquals(List.of(), failures, failures.size() + " problems");
        assertTrue(refused > variant, "most corruptions must be refused: " + refused + " of " + variant);
    }

    // ----------------------------------------------------------------------------------------- the run

    private void prepare() throws Exception {
        pristine = tmp.resolve("run");
        Result r = TrainCommandTest.cli("train", "flipflop-3bit", "--out", pristine.toString(), "--quiet",
                "--set", "model.hidden_size=8", "--set", "task.trial_steps=20", "--set", "training.batch_size=8",
                "--set", "training.steps=20", "--set", "training.checkpoint_every=10",
                "--set", "training.validation_every=10");
        assertEquals(0, r.code(), r.err());
        SessionState.defaults().write(pristine.resolve(SessionState.FILE));
        SavedSession.read(pristine);
        partner = tmp.resolve("partner");
        copy(pristine, partner);
        states = tmp.resolve("states");
        r = TrainCommandTest.cli("analyze", pristine.toString(), "--only", "pca", "--out", states.toString());
        assertEquals(0, r.code(), r.err());
        marker = tmp.resolve("PICKLE-RAN");
    }

    private interface Corruption {
        void apply(Path file) throws Exception;
    }

    /** Copies the run (or the states) afresh, corrupts {@code file} in the copy and runs every reader on it. */
    private void check(String file, boolean isState, String what, Corruption corruption) throws Exception {
        int n = variant++;
        Path work = tmp.resolve("work-" + n);
        copy(isState ? states : pristine, work);
        corruption.apply(work.resolve(file));
        String name = Path.of(file).getFileName().toString();
        Map<String, String> before = hashes(work);
        Map<String, String> partnerBefore = hashes(partner);
        Map<String, String> elsewhere = listing(tmp, work);
        Path out = tmp.resolve("out-" + n);
        String label = file + " " + what;
        if (isState) {
            Path csv = work.resolve("conditions.csv");
            judge(label, name, TrainCommandTest.cli("analyze", "--states", work.resolve("hidden_states.npy").toString(),
                    "--conditions", csv.toString(), "--only", "pca", "--out", out.resolve("a").toString()));
        } else {
            String[] checkpoint = file.startsWith("checkpoints/")
                    ? new String[]{"--checkpoint", Integer.toString(Integer.parseInt(name.replaceAll("\\D", "")))}
                    : new String[0];
            // each reader on the files it reads: analyze and compare the config and the parameters, export
            // those or (the loss figure) training.csv, the session loader everything
            boolean parameters = !file.equals(SessionState.FILE) && !file.equals("training.csv");
            if (parameters) {
                judge(label + " (analyze)", name, TrainCommandTest.cli(concat(List.of("analyze", work.toString(),
                        "--only", "pca", "--trials", "16", "--out", out.resolve("a").toString()), List.of(checkpoint))));
            }
            if (!file.equals(SessionState.FILE)) {
                judge(label + " (export)", name, TrainCommandTest.cli(concat(List.of("export", work.toString(),
                        "--figure", file.equals("training.csv") ? "loss" : "pca3d", "--trials", "16", "--out",
                        out.resolve("e.svg").toString()), List.of(checkpoint))));
            }
            if (parameters && checkpoint.length == 0) {
                judge(label + " (compare)", name, TrainCommandTest.cli("compare", work.toString(), partner.toString(),
                        "--trials", "16"));
            }
            try {
                SavedSession.read(work);
                succeeded++;
            } catch (SessionException e) {
                if (e.getMessage().contains(name)) {
                    refused++;
                } else {
                    failures.add(label + " (open session): the message does not name " + name + ": "
                            + e.getMessage());
                }
            } catch (RuntimeException | Error e) {
                failures.add(label + " (open session): " + e);
            }
        }
        if (!before.equals(hashes(work))) {
            failures.add(label + ": the directory read was modified");
        }
        if (!partnerBefore.equals(hashes(partner))) {
            failures.add(label + ": the other run of compare was modified");
        }
        if (!elsewhere.equals(listing(tmp, work))) {
            failures.add(label + ": something was written outside the outputs: " + diff(elsewhere, listing(tmp, work)));
        }
        deleteTree(work);
        deleteTree(out);
    }

    private void judge(String label, String name, Result r) {
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("Exception") || all.contains("Error:")) {
            failures.add(label + ": a stack trace or exception name: " + head(all));
        } else if (r.code() == 0) {
            succeeded++;
        } else if (r.code() != 2 && r.code() != 1) {
            failures.add(label + ": exit code " + r.code() + ": " + head(all));
        } else if (!r.err().contains(name)) {
            failures.add(label + ": exit code " + r.code() + " but the message does not name " + name + ": "
                    + head(r.err()));
        } else {
            refused++;
        }
    }

    // ------------------------------------------------------------------------------------- crafted files

    private void crafted() throws Exception {
        byte[] pickle = ("cos\nsystem\n(S'touch " + marker + "'\ntR.").getBytes(StandardCharsets.US_ASCII);
        for (String f : List.of("model.npz", "checkpoints/step-000010.npz")) {
            check(f, false, "an entry whose .npy header claims shape (100000, 100000)", p -> Files.write(p,
                    zip(Map.of("weight_hh_l0.npy", npy("<f4", "(100000, 100000)", new byte[64])), -1)));
            check(f, false, "an entry whose directory claims 4 GiB of data it does not have", p -> Files.write(p,
                    zip(Map.of("weight_hh_l0.npy", npy("<f4", "(1073741000,)", new byte[64])), 4L * 1073741000)));
            check(f, false, "an entry named ../../escaped.npy", p -> Files.write(p,
                    zip(Map.of("../../escaped.npy", npy("<f4", "(2,)", new byte[8])), -1)));
            check(f, false, "an object-dtype entry holding a pickle", p -> Files.write(p,
                    zip(Map.of("weight_hh_l0.npy", npy("|O", "(1,)", pickle)), -1)));
            check(f, false, "a pickle where an entry's .npy goes", p -> Files.write(p,
                    zip(Map.of("weight_hh_l0.npy", pickle), -1)));
            check(f, false, "a pickle instead of the archive", p -> Files.write(p, pickle));
        }
        check("hidden_states.npy", true, "a header claiming shape (100000, 100000, 100000)",
                p -> Files.write(p, npy("<f4", "(100000, 100000, 100000)", new byte[64])));
        check("hidden_states.npy", true, "a header claiming shape (40000, 40000) over a 6 GB sparse file", p -> {
            Files.write(p, npy("<f4", "(40000, 40000)", new byte[0]));
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(p.toFile(), "rw")) {
                raf.setLength(raf.length() + 4L * 40000 * 40000);
            }
        });
        check("hidden_states.npy", true, "object dtype holding a pickle", p -> Files.write(p, npy("|O", "(1,)",
                pickle)));
        check("hidden_states.npy", true, "a pickle", p -> Files.write(p, pickle));
        check("conditions.csv", true, "a line of 600 MiB (sparse)", p -> {
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(p.toFile(), "rw")) {
                raf.setLength(600L << 20);
            }
        });
        check(SessionState.FILE, false, "nested 100000 deep", p -> Files.writeString(p, "[".repeat(100_000)));
        check(SessionState.FILE, false, "a JSON array", p -> Files.writeString(p, "[1, 2]"));
        assertFalse(Files.exists(tmp.resolve("escaped.npy")) || Files.exists(tmp.getParent().resolve("escaped.npy")),
                "an entry escaped its archive");
    }

    /** A .npy file: the version 1.0 header with this descr and shape text, then {@code data}. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    /**
     * A zip archive of stored entries, written by hand so that names and sizes can be what no writer would write.
     *
     * @param claimed the size the archive's headers give each entry's data, or -1 for the true size
     */
    static byte[] zip(Map<String, byte[]> entries, long claimed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            long size = claimed < 0 ? data.length : Math.min(claimed, 0xffffffffL);
            int offset = out.size();
            ByteBuffer local = le(30 + name.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt((int) size).putInt((int) size).putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(data);
            ByteBuffer cen = le(46 + name.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt((int) size).putInt((int) size).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(offset).put(name);
            central.writeBytes(cen.array());
        }
        int cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(central.size())
                .putInt(cdOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void truncate(Path p, long to) throws Exception {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(p,
                java.nio.file.StandardOpenOption.WRITE)) {
            c.truncate(to);
        }
    }

    private static void flip(Path p, long at, int bit) throws Exception {
        byte[] b = Files.readAllBytes(p);
        b[(int) at] ^= (byte) (1 << bit);
        Files.write(p, b);
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> h = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                String key = dir.relativize(f).toString();
                if (Files.isRegularFile(f)) {
                    // the crafted sparse files of gigabytes: their size, time and first 16 MiB
                    sha.update(Long.toString(Files.size(f) ^ Files.getLastModifiedTime(f).toMillis()).getBytes());
                    try (var in = Files.newInputStream(f)) {
                        byte[] buf = new byte[1 << 16];
                        long left = 16L << 20;
                        for (int n; left > 0 && (n = in.read(buf)) > 0; left -= n) {
                            sha.update(buf, 0, n);
                        }
                    }
                    h.put(key, HexFormat.of().formatHex(sha.digest()));
                } else {
                    h.put(key, "directory");
                }
            }
        }
        return h;
    }

    /** Every path under {@code root} but those of {@code work} and of the outputs, with its size. */
    private static Map<String, String> listing(Path root, Path work) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.toList()) {
                String rel = root.relativize(f).toString();
                if (f.startsWith(work) || rel.startsWith("out-")) {
                    continue;
                }
                all.put(rel, Files.isRegularFile(f) ? Long.toString(Files.size(f)) : "directory");
            }
        }
        return all;
    }

    private static String diff(Map<String, String> a, Map<String, String> b) {
        List<String> d = new ArrayList<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                d.add(k);
            }
        });
        a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(k -> d.add("gone: " + k));
        return d.toString();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static String head(String s) {
        s = s.strip();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}

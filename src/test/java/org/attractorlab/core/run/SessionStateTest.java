package org.attractorlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStateTest {
    @TempDir
    Path dir;

    private static SessionState sample() {
        Map<String, Map<String, String>> panes = new LinkedHashMap<>();
        panes.put("rsa", Map.of("distance", "euclidean", "from_step", "10"));
        panes.put("pca3d", Map.of("limit", "12"));
        return new SessionState(new double[] {0.3, 0.55, 0.61, 0.4, 0.2, 0.45, 0.8}, 150,
                new SessionState.Selection(List.of(2, 5, 9), "bit1", -1.0, 3, 42, "bit2"), panes);
    }

    @Test
    void sessionStateSurvivesAWriteAndReadUnchanged() throws Exception {
        SessionState s = sample();
        Path f = dir.resolve(SessionState.FILE);
        s.write(f);
        assertEquals(s, SessionState.read(f));
        assertTrue(Files.readString(f).contains("\"format\" : " + SessionState.FORMAT), Files.readString(f));
    }

    @Test
    void formatOneFromTheFirstAppVersionsOpensWithItsLayoutAndDefaultsForTheRest() throws Exception {
        Path f = dir.resolve(SessionState.FILE);
        Files.writeString(f, "{\n  \"format\": 1,\n  \"layout\": [0.24, 0.58, 0.6, 0.5, 0.25, 0.5, 0.75]\n}\n");
        SessionState s = SessionState.read(f);
        assertEquals(7, s.layout().length);
        assertEquals(0.58, s.layout()[1]);
        assertEquals(-1, s.historyStep());
        assertEquals(SessionState.Selection.none(), s.selection());
        assertEquals(Map.of(), s.panes());
    }

    @Test
    void aNewerFormatSaysWhichVersionsThisOneReads() throws Exception {
        Path f = dir.resolve(SessionState.FILE);
        Files.writeString(f, "{\"format\": 7, \"layout\": []}");
        SessionException e = assertThrows(SessionException.class, () -> SessionState.read(f));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().contains("newer") && e.getMessage().contains("format 7")
                && e.getMessage().contains("1 to " + SessionState.FORMAT), e.getMessage());
    }

    @Test
    void aFileWithoutFormatNumberIsRefusedWithTheReason() throws Exception {
        Path f = dir.resolve(SessionState.FILE);
        Files.writeString(f, "{\"layout\": [0.5]}");
        SessionException e = assertThrows(SessionException.class, () -> SessionState.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("no format number"),
                e.getMessage());
    }

    @Test
    void truncatedOrCorruptJsonNamesTheFile() throws Exception {
        Path f = dir.resolve(SessionState.FILE);
        String full = sample().toJson();
        Files.writeString(f, full.substring(0, full.length() / 2));
        SessionException e = assertThrows(SessionException.class, () -> SessionState.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());

        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        e = assertThrows(SessionException.class, () -> SessionState.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not UTF-8"), e.getMessage());

        Files.writeString(f, "{\"format\": 2, \"layout\": [0.2, 7]}");
        e = assertThrows(SessionException.class, () -> SessionState.read(f));
        assertTrue(e.getMessage().contains("layout[1]") && e.getMessage().contains("7"), e.getMessage());
    }
}

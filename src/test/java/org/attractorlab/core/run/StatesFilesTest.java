package org.attractorlab.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatesFilesTest {
    @TempDir
    Path dir;

    @Test
    void externalStatesWithTextAndNumericConditionsLoadAsCodedConditionTable() throws IOException {
        double[] v = new double[3 * 2 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
        }
        Npy.write(dir.resolve("x.npy"), NdArray.of(new int[]{3, 2, 4}, v));
        Files.writeString(dir.resolve("c.csv"), "category,coherence,correct\nchair,0.1,true\ncar,-0.2,false\nchair,0.4,true\n");
        HiddenStates h = StatesFiles.readExternal(dir.resolve("x.npy"), dir.resolve("c.csv"));
        assertEquals(3, h.trials());
        assertEquals(2, h.steps());
        assertEquals(4, h.units());
        assertEquals(11.5f, h.states()[23]);
        ConditionTable c = h.conditions();
        assertEquals(List.of("car", "chair"), c.levels("category"));
        assertArrayEquals(new double[]{1, 0, 1}, c.column("category"));
        assertArrayEquals(new double[]{0.1, -0.2, 0.4}, c.column("coherence"), 1e-12);
        assertArrayEquals(new double[]{1, 0, 1}, c.column("correct"));
        assertEquals("chair", c.label(0, "category"));

        ConditionTables.write(dir.resolve("back.csv"), c);
        ConditionTable back = ConditionTables.read(dir.resolve("back.csv"));
        assertEquals(c.levels("category"), back.levels("category"));
        assertArrayEquals(c.column("coherence"), back.column("coherence"), 1e-12);
    }

    @Test
    void mismatchedOrMalformedExternalDataIsRefusedNamingTheFile() throws IOException {
        Npy.write(dir.resolve("x.npy"), NdArray.of(new int[]{3, 2, 4}, new float[24]));
        Files.writeString(dir.resolve("two.csv"), "a\n1\n2\n");
        IOException rows = assertThrows(IOException.class,
                () -> StatesFiles.readExternal(dir.resolve("x.npy"), dir.resolve("two.csv")));
        assertTrue(rows.getMessage().contains("two.csv") && rows.getMessage().contains("2 rows"), rows.getMessage());

        Npy.write(dir.resolve("four.npy"), NdArray.of(new int[]{1, 2, 3, 4}, new float[24]));
        IOException shape = assertThrows(IOException.class, () -> StatesFiles.readExternal(dir.resolve("four.npy"), null));
        assertTrue(shape.getMessage().contains("four.npy") && shape.getMessage().contains("(trials, time, units)"));

        Files.write(dir.resolve("junk.npy"), new byte[]{1, 2, 3});
        IOException junk = assertThrows(IOException.class, () -> StatesFiles.readExternal(dir.resolve("junk.npy"), null));
        assertTrue(junk.getMessage().contains("junk.npy"), junk.getMessage());
    }

    @Test
    void writtenStatesReadBackIdentically() throws IOException {
        float[] s = new float[2 * 3 * 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        HiddenStates h = HiddenStates.external(2, 3, 2, s, new ConditionTable(List.of("bit0"), new double[][]{{1, -1}}));
        StatesFiles.write(dir, h);
        HiddenStates back = StatesFiles.readExternal(dir.resolve(StatesFiles.HIDDEN), dir.resolve(StatesFiles.CONDITIONS));
        assertArrayEquals(s, back.states());
        assertArrayEquals(new double[]{1, -1}, back.conditions().column("bit0"));
    }
}

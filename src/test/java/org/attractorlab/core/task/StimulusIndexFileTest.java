package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StimulusIndexFileTest {
    @TempDir
    Path tmp;

    private static List<StimulusIndexFile.Entry> parse(String text) throws IOException {
        return StimulusIndexFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    private static String failure(String text) {
        return assertThrows(IOException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsTheFiveLeadingColumnsAndIgnoresTheRest() throws IOException {
        List<StimulusIndexFile.Entry> rows = parse("\ufefffile,category,identity,location,view,category_name\n"
                + "c00-i0-l0-v00.png,0,0,0,0,sphere\n"
                + "\n"
                + "\"c07-i3-l3-v15.png\", 7 ,3,3,15,chair\n");
        assertEquals(List.of(new StimulusIndexFile.Entry("c00-i0-l0-v00.png", 0, 0, 0, 0),
                new StimulusIndexFile.Entry("c07-i3-l3-v15.png", 7, 3, 3, 15)), rows);
    }

    @Test
    void everyMalformedIndexIsRefusedNamingTheLineAndTheField() {
        String header = "file,category,identity,location,view\n";
        assertTrue(failure("").contains("test.csv: empty"), failure(""));
        String h = failure("file,category,location,identity,view\na.png,0,0,0,0\n");
        assertTrue(h.contains("the header must start with file,category,identity,location,view"), h);
        String few = failure(header + "a.png,0,0,0\n");
        assertTrue(few.contains("test.csv line 2") && few.contains("at least 5 fields, got 4"), few);
        String text = failure(header + "a.png,0,0,0,0\nb.png,chair,0,0,0\n");
        assertTrue(text.contains("test.csv line 3") && text.contains("'category' is 'chair'")
                && text.contains("0-based integer codes"), text);
        String negative = failure(header + "a.png,0,0,-1,0\n");
        assertTrue(negative.contains("line 2") && negative.contains("'location' is -1"), negative);
        String name = failure(header + ",0,0,0,0\n");
        assertTrue(name.contains("line 2: empty file name"), name);
        assertTrue(failure(header).contains("no stimuli (only a header)"), failure(header));
    }

    @Test
    void aMissingIndexSaysHowToMakeOne() throws IOException {
        Path none = tmp.resolve("stimuli.csv");
        String m = assertThrows(IOException.class, () -> StimulusIndexFile.read(none)).getMessage();
        assertTrue(m.contains(none.toString()) && m.contains("render-stimuli"), m);
        Files.writeString(none, "file,category,identity,location,view\na.png,1,2,3,4\n");
        assertEquals(List.of(new StimulusIndexFile.Entry("a.png", 1, 2, 3, 4)), StimulusIndexFile.read(none));
    }
}

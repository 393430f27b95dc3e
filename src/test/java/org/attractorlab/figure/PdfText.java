package org.attractorlab.figure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/** Minimal readers for tests: a PDF's objects and inflated content streams as text, and an offline XML parser. */
public final class PdfText {
    private static final Pattern STREAM = Pattern.compile("stream\r?\n(.*?)endstream", Pattern.DOTALL);

    private PdfText() {
    }

    /** The PDF's bytes as Latin-1 text with every Flate-compressed stream replaced by its inflated content. */
    public static String of(byte[] pdf) throws DataFormatException {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = STREAM.matcher(raw);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(raw, last, m.start(1));
            byte[] data = m.group(1).getBytes(StandardCharsets.ISO_8859_1);
            Inflater inf = new Inflater();
            inf.setInput(data);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                b.write(buf, 0, n);
            }
            inf.end();
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            last = m.end(1);
        }
        return out.append(raw.substring(last)).toString();
    }

    /** A parser that does not fetch the SVG DTD from the network. */
    public static DocumentBuilder xml() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }
}

package org.attractorlab.core.reproduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;

/** Writes {@code report.md} and {@code report.json} (the same claims, figures and tables, for the app). */
final class ReportWriter {
    private ReportWriter() {
    }

    static Path write(Reproduction.Settings s, ReproduceSpec spec, Map<String, SweepDirectory> sweeps, Findings f,
                      Reproduction.Timings t, List<String> notDone) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction: ").append(spec.name()).append(" (scale ").append(s.scale().key()).append(")\n\n");
        md.append(spec.description()).append(". Paper: ").append(spec.paper()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Written by `attractor-lab reproduce %s --scale %s --backend %s` on %s, "
                        + "in %.1f s (see [Time](#time)). The commands below run in this directory; `attractor-lab` is "
                        + "the installed command or a source checkout's `./attractor-lab`.%n%n", spec.name(),
                s.scale().key(), s.backend().key(),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                t.totalSeconds));
        if (!notDone.isEmpty()) {
            md.append("**").append(notDone.size()).append(" run").append(notDone.size() == 1 ? " is" : "s are")
                    .append(" not done and left out of every analysis:** ").append(String.join("; ", notDone))
                    .append(".\n\n");
        }
        md.append("## Claims\n\n");
        md.append("Each headline claim of the paper beside what came out here; the verdict is computed from the "
                + "numbers below.\n\n");
        md.append(row(List.of("paper", "claim", "here", "verdict"))).append(rule(4));
        for (Claim c : f.claims()) {
            String verdict = c.verdict() == Verdict.DIFFERS ? "**differs**" : c.verdict().text();
            md.append(row(List.of(c.paper(), c.statement(), c.here(), verdict)));
        }
        md.append('\n');
        for (Findings.Section sec : f.sections()) {
            md.append("## ").append(sec.title()).append("\n\n");
            if (!sec.text().isBlank()) {
                md.append(sec.text().strip()).append("\n\n");
            }
            for (Table tab : sec.tables()) {
                md.append("**").append(tab.title()).append("**\n\n");
                md.append(row(tab.header())).append(rule(tab.header().size()));
                tab.rows().forEach(r -> md.append(row(r)));
                md.append('\n');
            }
            for (ReportFigure fig : sec.figures()) {
                md.append("![").append(escape(fig.caption())).append("](").append(fig.png()).append(")\n\n");
                md.append("*").append(escape(fig.caption())).append("* PDF: [").append(fig.pdf()).append("](")
                        .append(fig.pdf()).append("). Regenerate: `").append(fig.exportLine(fig.pdf()))
                        .append("`\n\n");
            }
        }
        md.append("## Scale and reductions\n\n");
        md.append("Scale **").append(s.scale().key()).append("**.");
        List<String> red = spec.scales().get(s.scale()).reductions();
        md.append(red.isEmpty() ? " No reductions against the paper.\n\n" : " Against the paper:\n\n");
        red.forEach(r -> md.append("- ").append(r).append('\n'));
        md.append('\n');
        md.append("## Configs and seeds\n\n");
        md.append("Each sweep directory's `sweep.json` holds its spec with the base config written out in full; each "
                + "run directory holds its `config.json`.\n\n");
        var changes = spec.sweepJson(s.scale());
        for (var e : sweeps.entrySet()) {
            SweepDirectory sw = e.getValue();
            md.append("**Sweep ").append(e.getKey()).append("** (`sweeps/").append(e.getKey()).append("/sweep.json`): ")
                    .append(sw.plan().size()).append(" runs, seeds ").append(sw.plan().spec().seeds())
                    .append(".\n\n```json\n").append(changes.get(e.getKey()).toString()).append("\n```\n\n");
            md.append(row(List.of("run", "axes", "state"))).append(rule(3));
            for (SweepPoint p : sw.plan().points()) {
                md.append(row(List.of(p.name(), SweepRuns.describe(p.axes()),
                        sw.state(p, sw.record(p)).key())));
            }
            md.append('\n');
        }
        md.append("## Time\n\n");
        md.append(row(List.of("phase", "seconds"))).append(rule(2));
        md.append(row(List.of(String.format(Locale.ROOT, "training (%d runs trained now, %d done before)",
                t.trainedHere, t.doneBefore), fmt(t.trainSeconds))));
        md.append(row(List.of("analyses", fmt(t.analysisSeconds))));
        md.append(row(List.of("figures", fmt(t.figureSeconds))));
        md.append(row(List.of("in all", fmt(t.totalSeconds))));
        md.append('\n');
        Path report = s.dir().resolve("report.md");
        AtomicFiles.writeString(report, md.toString());
        AtomicFiles.writeString(s.dir().resolve(Report.JSON), json(s, spec, f, t));
        return report;
    }

    private static String json(Reproduction.Settings s, ReproduceSpec spec, Findings f, Reproduction.Timings t)
            throws IOException {
        ObjectNode root = RecordTrees.MAPPER.createObjectNode();
        root.put("experiment", spec.name());
        root.put("scale", s.scale().key());
        root.put("paper", spec.paper());
        root.put("description", spec.description());
        root.put("seconds", t.totalSeconds);
        ArrayNode claims = root.putArray("claims");
        for (Claim c : f.claims()) {
            ObjectNode n = claims.addObject();
            n.put("paper", c.paper());
            n.put("statement", c.statement());
            n.put("here", c.here());
            n.put("verdict", c.verdict().text());
        }
        ArrayNode figs = root.putArray("figures");
        for (Findings.Section sec : f.sections()) {
            for (ReportFigure fig : sec.figures()) {
                ObjectNode n = figs.addObject();
                n.put("section", sec.title());
                n.put("png", fig.png());
                n.put("pdf", fig.pdf());
                n.put("caption", fig.caption());
                n.put("command", fig.exportLine(fig.pdf()));
            }
        }
        return RecordTrees.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String fmt(double sec) {
        return String.format(Locale.ROOT, "%.1f", sec);
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(escape(c)).append(" |");
        }
        return sb.append('\n').toString();
    }

    private static String rule(int n) {
        return "|---".repeat(n) + "|\n";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}

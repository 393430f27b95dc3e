package org.attractorlab.core.reproduce;

import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment's analyses found: sections of text, tables and figures, and the paper's claims beside what came
 * out here. Built by one {@link Reproducer}; immutable once built.
 *
 * @param sections in the order the report shows them
 * @param claims   every headline claim of the paper, tested or not
 */
public record Findings(List<Section> sections, List<Claim> claims) {
    public Findings {
        sections = List.copyOf(sections);
        claims = List.copyOf(claims);
    }

    /**
     * @param title   the section's heading
     * @param text    paragraphs before the tables and figures (may be empty)
     * @param tables  its tables
     * @param figures its figures
     */
    public record Section(String title, String text, List<Table> tables, List<ReportFigure> figures) {
        public Section {
            tables = List.copyOf(tables);
            figures = List.copyOf(figures);
        }
    }

    /** Every figure, in report order. */
    public List<ReportFigure> figures() {
        List<ReportFigure> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.figures()));
        return all;
    }

    /** Collects sections and claims. */
    public static final class Builder {
        private final List<Section> sections = new ArrayList<>();
        private final List<Claim> claims = new ArrayList<>();

        public Builder section(String title, String text, List<Table> tables, List<ReportFigure> figures) {
            sections.add(new Section(title, text, tables, figures));
            return this;
        }

        public Builder claim(Claim c) {
            claims.add(c);
            return this;
        }

        public Findings build() {
            return new Findings(sections, claims);
        }
    }
}

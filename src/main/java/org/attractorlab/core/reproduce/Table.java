package org.attractorlab.core.reproduce;

import java.util.List;

/**
 * A table of numbers in a report, already formatted.
 *
 * @param title  what the table shows
 * @param header the column names
 * @param rows   one list of cells per row, as long as the header
 */
public record Table(String title, List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row of '" + title + "' has " + r.size() + " cells for "
                        + header.size() + " columns");
            }
        }
    }
}

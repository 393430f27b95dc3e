package org.attractorlab.app.sweep;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;

/**
 * Builds the sweep view's table of runs: text columns for the run, its state and each axis (numbers sorted by
 * value), then one number column per summary column the records hold so far (following
 * {@link SweepViewModel#columns()}); any header sorts, a double-click opens the run. FX thread.
 */
final class RunTable {
    private RunTable() {
    }

    /** The table of {@code vm}'s visible runs; what it registers is undone by {@code disposer}. */
    static TableView<RunRow> create(SweepViewModel vm, Disposer disposer) {
        TableView<RunRow> table = new TableView<>();
        table.setId("sweep-table");
        table.setPlaceholder(new Label("No runs pass the filters"));
        TableColumn<RunRow, String> run = textColumn("run", RunRow::name);
        run.setPrefWidth(230);
        table.getColumns().add(run);
        table.getColumns().add(textColumn("state", RunRow::state));
        for (String axis : vm.axes()) {
            TableColumn<RunRow, String> c = textColumn(axis, r -> r.axes().get(axis));
            c.setPrefWidth(Math.max(70, 9 * axis.length() + 28));
            c.setComparator(RunTable::compareValues);
            table.getColumns().add(c);
        }
        int fixed = table.getColumns().size();
        ListChangeListener<String> onColumns = ch -> metricColumns(table, fixed, vm.columns());
        vm.columns().addListener(onColumns);
        disposer.onDispose(() -> vm.columns().removeListener(onColumns));
        metricColumns(table, fixed, vm.columns());

        SortedList<RunRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        disposer.onDispose(() -> {
            sorted.comparatorProperty().unbind();
            table.setItems(null);
        });
        table.setRowFactory(tv -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        Tips.set(table, "Click a header to sort; double-click a run to open it in the explorer panes");
        return table;
    }

    /** Replaces the columns after the first {@code fixed} by one per summary column (4 significant digits). */
    private static void metricColumns(TableView<RunRow> table, int fixed, List<String> metrics) {
        table.getColumns().remove(fixed, table.getColumns().size());
        for (String m : metrics) {
            TableColumn<RunRow, Double> c = new TableColumn<>(m);
            c.setPrefWidth(Math.max(80, 7.5 * m.length() + 24));
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().value(m)));
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.4g", v));
                }
            });
            table.getColumns().add(c);
        }
    }

    private static TableColumn<RunRow, String> textColumn(String name, Function<RunRow, String> f) {
        TableColumn<RunRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    /** Numbers by value, anything else as text. */
    static int compareValues(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException | NullPointerException e) {
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }
}

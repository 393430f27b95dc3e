package org.attractorlab.app.panes.fixedpoints;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;

/**
 * The points of the result, sortable by any column; the selected row is the shared selection's fixed point, both
 * ways. Slow points (not quite fixed) are shown in italics.
 */
final class PointsTable extends TableView<PointRow> {
    private static final PseudoClass SLOW = PseudoClass.getPseudoClass("slow");
    private final Tooltip slowTip = new Tooltip("Slow point: q is above tol q but below the slow-point q");
    private final FixedPointsViewModel vm;
    private final SortedList<PointRow> sorted;
    private boolean syncing;

    PointsTable(FixedPointsViewModel vm, Disposer disposer) {
        this.vm = vm;
        setId("fp-table");
        getStyleClass().add("dense");
        sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        Label placeholder = new Label("No points yet: press Find");
        placeholder.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        setPlaceholder(placeholder);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PointRow, Double> tau = column("tau", "\u03c4 ms", 40, "Slowest time constant"
                + " dt / |ln |\u03bb|| over all modes, in ms (rate networks)", PointRow::slowestTimeConstantMs,
                PointsTable::millis);
        getColumns().setAll(java.util.List.of(
                column("index", "#", 24, "Index of the point: points are numbered by q, lowest first",
                        PointRow::index, String::valueOf),
                column("q", "q", 44, "Speed q = \u00bd |F(h) - h|\u00b2 at the point", PointRow::q,
                        q -> q == 0 ? "0" : String.format(Locale.ROOT, "%.0e", q)),
                column("stable", "stable", 48, "Stable: every eigenvalue of the Jacobian has |\u03bb| < 1",
                        PointRow::stable, s -> s ? "yes" : "no"),
                column("maxabs", "max |\u03bb|", 54, "Largest eigenvalue modulus of the Jacobian",
                        PointRow::maxAbsEigenvalue, v -> String.format(Locale.ROOT, "%.3f", v)),
                column("unstable", "unst.", 40, "Unstable dimension: the number of eigenvalues with |\u03bb| > 1",
                        PointRow::unstableDimension, String::valueOf),
                tau));
        tau.visibleProperty().bind(vm.rateNetworkProperty());
        disposer.onDispose(() -> tau.visibleProperty().unbind());
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PointRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean slow = !empty && row != null && row.slow();
                pseudoClassStateChanged(SLOW, slow);
                setTooltip(slow ? slowTip : null);
            }
        });

        disposer.listen(getSelectionModel().selectedItemProperty(), (o, a, row) -> {
            if (!syncing) {
                vm.selectPoint(row == null ? -1 : row.index());
            }
        });
        disposer.listen(vm.selectedPointProperty(), (o, a, b) -> sync());
        ListChangeListener<PointRow> resync = c -> sync();
        sorted.addListener(resync);
        disposer.onDispose(() -> {
            sorted.removeListener(resync);
            sorted.comparatorProperty().unbind();
            setItems(javafx.collections.FXCollections.observableArrayList());
        });
    }

    /** Selects the row of the shared selection's fixed point (none when it has no row). */
    private void sync() {
        syncing = true;
        try {
            int index = vm.selectedPointProperty().get();
            for (int r = 0; r < sorted.size(); r++) {
                if (sorted.get(r).index() == index) {
                    if (getSelectionModel().getSelectedIndex() != r) {
                        getSelectionModel().clearAndSelect(r);
                        scrollTo(Math.max(0, r - 2));
                    }
                    return;
                }
            }
            getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private static String millis(double tau) {
        if (Double.isNaN(tau)) {
            return "";
        }
        if (Double.isInfinite(tau)) {
            return "\u221e";
        }
        return String.format(Locale.ROOT, tau < 10 ? "%.2f" : "%.0f", tau);
    }

    private static <T extends Comparable<T>> TableColumn<PointRow, T> column(String id, String title, double width,
                                                                            String tip, Function<PointRow, T> value,
                                                                            Function<T, String> format) {
        TableColumn<PointRow, T> c = new TableColumn<>();
        c.setPrefWidth(width);
        Label header = new Label(title);
        Tips.set(header, tip);
        header.getStyleClass().add("fp-header");
        c.setGraphic(header);
        c.setId("fp-col-" + id);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.getStyleClass().add("numeric");
        return c;
    }
}

package org.attractorlab.app.sweep;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.core.reproduce.Claim;
import org.attractorlab.core.reproduce.Report;

/**
 * The Report tab of a reproduction's sweep window: the claims table of {@code report.md} (the paper's statement,
 * what came out here and the verdict) above its figures, each with its caption and the {@code export} command that
 * regenerates it. The report is read before the view is built (on the sweep windows' worker); the PNGs load in
 * the background (JavaFX's image loader), never on the FX thread. FX thread.
 */
public final class ReportView extends ScrollPane {
    /** The width the figures are shown at, in pixels (the PNGs are larger; they scale down). */
    static final double FIGURE_WIDTH = 900;

    private final TableView<Claim> claims = new TableView<>();
    private final VBox figures = new VBox(6);

    /** @param dir the reproduction's directory, where the report's figures are */
    public ReportView(Report report, Path dir) {
        setId("sweep-report");
        setFitToWidth(true);
        Label title = new Label("Reproduction " + report.experiment() + " (scale " + report.scale() + "): "
                + dir.resolve("report.md"));
        title.getStyleClass().add("title");
        title.setWrapText(true);
        claims.setId("report-claims");
        claims.getColumns().add(column("paper", 150, Claim::paper));
        claims.getColumns().add(column("claim", 330, Claim::statement));
        claims.getColumns().add(column("here", 430, Claim::here));
        claims.getColumns().add(column("verdict", 150, c -> c.verdict().text()));
        claims.getItems().setAll(report.claims());
        claims.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        claims.setPrefHeight(34 + 64.0 * Math.max(1, report.claims().size()));
        figures.setId("report-figures");
        for (Report.Figure f : report.figures()) {
            ImageView img = new ImageView(new Image(dir.resolve(f.png()).toUri().toString(), FIGURE_WIDTH, 0, true,
                    true, true));
            img.setPreserveRatio(true);
            img.setFitWidth(FIGURE_WIDTH);
            Tips.set(img, f.caption());
            Label caption = new Label(f.caption());
            caption.setWrapText(true);
            TextField command = new TextField(f.command());
            command.setEditable(false);
            Tips.set(command, "Regenerates the figure (run in " + dir + ")");
            figures.getChildren().addAll(new Label(f.section()), img, caption, command);
        }
        VBox box = new VBox(10, title, claims, figures);
        box.setPadding(new Insets(8));
        setContent(box);
    }

    private static TableColumn<Claim, String> column(String name, double width,
                                                     java.util.function.Function<Claim, String> value) {
        TableColumn<Claim, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())).getReadOnlyProperty());
        c.setCellFactory(col -> {
            // the whole text, wrapped to the column's width (a cell's own text would be cut to one row's height)
            javafx.scene.text.Text text = new javafx.scene.text.Text();
            text.getStyleClass().add("text");
            javafx.scene.control.TableCell<Claim, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    text.setText(empty || item == null ? "" : item);
                    setGraphic(empty ? null : text);
                }
            };
            text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
            text.fillProperty().bind(cell.textFillProperty());
            return cell;
        });
        return c;
    }

    public TableView<Claim> claims() {
        return claims;
    }

    /** The figures' images, in report order. */
    public java.util.List<ImageView> images() {
        return figures.getChildren().stream().filter(n -> n instanceof ImageView).map(n -> (ImageView) n).toList();
    }

    /** Releases the images and the table's items. */
    public void dispose() {
        claims.getItems().clear();
        figures.getChildren().clear();
        setContent(null);
    }
}

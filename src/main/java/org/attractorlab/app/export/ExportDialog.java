package org.attractorlab.app.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.FigureSize;

/**
 * The app's {@link FigureChooser}: a small dialog for the format, the size in points and a PNG's dpi (300 by
 * default), then the system's save dialog (which asks before replacing a file).
 */
public final class ExportDialog implements FigureChooser {
    private static File lastDirectory;

    @Override
    public Optional<ExportRequest> choose(String pane, FigureSize suggested, Window owner) {
        ChoiceBox<FigureFormat> format = new ChoiceBox<>();
        format.getItems().setAll(FigureFormat.values());
        format.setValue(FigureFormat.PDF);
        Tips.set(format, "PDF and SVG are vector (text as text, lines as paths); PNG is a bitmap");
        Spinner<Integer> width = new Spinner<>((int) FigureSize.MIN, (int) FigureSize.MAX, (int) suggested.width(), 10);
        Spinner<Integer> height = new Spinner<>((int) FigureSize.MIN, (int) FigureSize.MAX, (int) suggested.height(),
                10);
        Spinner<Integer> dpi = new Spinner<>(FigureSize.MIN_DPI, FigureSize.MAX_DPI, suggested.dpi(), 50);
        for (Spinner<Integer> s : java.util.List.of(width, height, dpi)) {
            s.setEditable(true);
            s.setPrefWidth(100);
        }
        Tips.set(width, "Width in points (1/72 inch); the pane's size on screen by default");
        Tips.set(height, "Height in points (1/72 inch)");
        Tips.set(dpi, "Resolution of the PNG, recorded in the file: pixels = points x dpi / 72");
        dpi.disableProperty().bind(format.valueProperty().isNotEqualTo(FigureFormat.PNG));
        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Width (pt)"), width);
        grid.addRow(2, new Label("Height (pt)"), height);
        grid.addRow(3, new Label("PNG dpi"), dpi);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export figure");
        dialog.setHeaderText("Export the " + pane + " pane");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return Optional.empty();
        }
        FigureFormat f = format.getValue();
        FigureSize size = new FigureSize(width.getValue(), height.getValue(), dpi.getValue());
        FileChooser files = new FileChooser();
        files.setTitle("Export the " + pane + " figure as " + f.extension().toUpperCase(java.util.Locale.ROOT));
        files.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        files.setInitialFileName(pane + "." + f.extension());
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            files.setInitialDirectory(lastDirectory);
        }
        File chosen = files.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        lastDirectory = chosen.getParentFile();
        Path file = f.withExtension(chosen.toPath());
        return Optional.of(new ExportRequest(file, f, size));
    }
}

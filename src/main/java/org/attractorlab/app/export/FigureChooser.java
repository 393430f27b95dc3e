package org.attractorlab.app.export;

import java.util.Optional;
import javafx.stage.Window;
import org.attractorlab.figure.FigureSize;

/**
 * Asks where and how to export a pane's figure. The app shows {@link ExportDialog} and a file chooser; tests
 * install a chooser that answers at once, so that no native dialog opens.
 */
@FunctionalInterface
public interface FigureChooser {
    /**
     * @param pane      the pane's name, for the dialog's title and the suggested file name
     * @param suggested the pane's size on screen (as points) and the default dpi
     * @param owner     the window to show dialogs over, or null
     * @return the answer, or empty if the user cancelled
     */
    Optional<ExportRequest> choose(String pane, FigureSize suggested, Window owner);
}

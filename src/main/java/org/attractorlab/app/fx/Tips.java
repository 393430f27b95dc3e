package org.attractorlab.app.fx;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips built when the pointer first enters their node. A {@link Tooltip} is a popup window with a scene of its
 * own: the first window would build about 130 of them (a tenth of the FX thread's work before it is shown) for
 * controls most of which are never hovered. {@link #set} keeps the text on the node; the first time the pointer
 * enters it, the tooltip is made and installed, and it shows as usual once the pointer rests. FX thread only.
 */
public final class Tips {
    private static final String KEY = "attractorlab.tip";
    private static final EventHandler<MouseEvent> INSTALL = e -> install((Node) e.getSource());

    private Tips() {
    }

    /** Gives {@code node} a tooltip of {@code text}, built when first needed (a built one takes the new text). */
    public static void set(Node node, String text) {
        if (node instanceof Control c && c.getTooltip() != null) {
            c.getTooltip().setText(text);
            return;
        }
        node.getProperties().put(KEY, text);
        node.removeEventHandler(MouseEvent.MOUSE_ENTERED, INSTALL);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, INSTALL);
    }

    /** The text of the node's tooltip, built yet or not; null if it has none. */
    public static String text(Node node) {
        Object lazy = node.getProperties().get(KEY);
        if (lazy != null) {
            return (String) lazy;
        }
        return node instanceof Control c && c.getTooltip() != null ? c.getTooltip().getText() : null;
    }

    private static void install(Node node) {
        node.removeEventHandler(MouseEvent.MOUSE_ENTERED, INSTALL);
        Object text = node.getProperties().remove(KEY);
        if (text == null) {
            return;
        }
        Tooltip tip = new Tooltip((String) text);
        if (node instanceof Control c) {
            c.setTooltip(tip);
        } else {
            Tooltip.install(node, tip);
        }
    }
}

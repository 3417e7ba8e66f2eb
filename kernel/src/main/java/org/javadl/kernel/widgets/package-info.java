/**
 * Jupyter widgets (the ipywidgets 8 message spec, protocol 2.1) made from Java: sliders, buttons,
 * text, boxes, {@code Output}, {@code Play}, links, and {@code interact(f, controls...)}.
 *
 * <p>Entry points: {@link org.javadl.kernel.widgets.Widget} (a model kept in step with the front end
 * over a comm), {@link org.javadl.kernel.widgets.WidgetManager} (the comms of all live widgets),
 * {@link org.javadl.kernel.widgets.CallbackRunner} (front-end events run as cells run: one at a time,
 * interruptible), {@link org.javadl.kernel.widgets.Interactive}; the widget classes mirror
 * {@code @jupyter-widgets/controls} 2.0.0.
 *
 * <p>Must not depend on: the magics or the runtime API (the runtime offers widgets to cells, not the
 * other way round). A widget built without a kernel is just its state and shows as text.
 */
package org.javadl.kernel.widgets;

package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.javadl.kernel.display.RenderOptions;
import org.javadl.kernel.display.Renderers;
import org.javadl.kernel.protocol.OutputCapture;
import org.javadl.kernel.widgets.WidgetManager;

import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One kernel's side of what cells call: where displays go, the renderer registry, the widgets, the
 * clock of progress bars, and the display ids of the running cell. The kernel makes one, connects it
 * to its front end, and hands it to what needs it.
 *
 * <p>Cell code reaches it through static entry points ({@code display(x)}, {@code progress(n)},
 * {@code interact(...)}, imported into JShell), which must stay static for users; they find
 * <em>their</em> session with {@link #current()}: the session bound to the calling thread. The kernel
 * binds it ({@link #bind}) on the thread that runs a cell or a widget callback, and the binding is an
 * {@link InheritableThreadLocal} because JShell runs every snippet on a new thread created by that
 * thread, and every thread the cell starts (directly, through an executor's factory, or a timer) is
 * created from a thread of the cell: all of them inherit it at creation, with nothing to do per call
 * and no lookup table to keep. A thread-local read costs a few nanoseconds, and the objects that
 * keep displaying (a progress bar, a live plot, a widget) take their session once when made, so a
 * tight {@code progress(...)} loop does not even pay that.
 *
 * <p>Threads that inherited nothing — workers of the common fork-join pool (which erases its
 * thread-locals after each task), threads made before the kernel — use the session the process
 * declared with {@link #serveUnboundThreads} (the kernel's own, in {@code Main}), or else a
 * standalone one that prints text to {@code System.out}, as plain Java does. That one static field is
 * the price of static entry points; with two kernels in one JVM (tests) only such unbound threads can
 * cross over, and a pooled thread made during one kernel's cell stays with that kernel.
 */
public final class Session {
    private static final InheritableThreadLocal<Session> BOUND = new InheritableThreadLocal<>();
    private static volatile Session forUnboundThreads;

    private final WidgetManager widgets;
    private final LongSupplier clock;
    private final DisplayIds displayIds = new DisplayIds();
    /** Built on first use: the first display, not the kernel's start, pays for loading the renderers. */
    private volatile Renderers renderers;
    private volatile DisplaySink sink = DisplaySink.stdout();
    private volatile OutputCapture captures = OutputCapture.standalone();

    /** A session with the standard renderers, unconnected widgets and the system clock. */
    public Session() {
        this(null, new WidgetManager(), System::nanoTime);
    }

    /**
     * @param renderers the registry, or null for the standard one (built when first needed)
     * @param clock     nanoseconds, as progress bars and live plots read them (tests step it by hand)
     */
    public Session(Renderers renderers, WidgetManager widgets, LongSupplier clock) {
        this.renderers = renderers;
        this.widgets = Objects.requireNonNull(widgets, "widgets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The session of code running on this thread (see the class comment); never null. */
    public static Session current() {
        Session s = BOUND.get();
        if (s != null) {
            return s;
        }
        Session fallback = forUnboundThreads;
        return fallback != null ? fallback : Standalone.SESSION;
    }

    /** The session for threads that inherited none (the process's kernel); null goes back to standalone. */
    public static void serveUnboundThreads(Session session) {
        forUnboundThreads = session;
    }

    /** Output goes to the front end from now on: displays to {@code displays}, captures through {@code outputCaptures}. */
    public void connect(DisplaySink displays, OutputCapture outputCaptures) {
        this.sink = Objects.requireNonNull(displays, "displays");
        this.captures = Objects.requireNonNull(outputCaptures, "outputCaptures");
    }

    /**
     * Makes this the calling thread's session (and that of every thread it creates) until the
     * returned binding is closed; bindings nest.
     */
    public Binding bind() {
        Session before = BOUND.get();
        BOUND.set(this);
        return new Binding(before);
    }

    /** Undoes one {@link #bind()}: the thread gets back the session it had. */
    public static final class Binding implements AutoCloseable {
        private final Session before;

        private Binding(Session before) {
            this.before = before;
        }

        @Override
        public void close() {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        }
    }

    // ---------------------------------------------------------------- what the session holds

    public Renderers renderers() {
        Renderers r = renderers;
        if (r == null) {
            synchronized (this) {
                r = renderers;
                if (r == null) {
                    r = Renderers.newStandard();
                    renderers = r;
                }
            }
        }
        return r;
    }

    public WidgetManager widgets() {
        return widgets;
    }

    public DisplaySink sink() {
        return sink;
    }

    /** Where an Output widget redirects prints and displays of this session. */
    public OutputCapture captures() {
        return captures;
    }

    LongSupplier clock() {
        return clock;
    }

    /** The ids the running cell's displays returned (so a cell ending in {@code display(x)} shows x once). */
    public DisplayIds displayIds() {
        return displayIds;
    }

    // ---------------------------------------------------------------- displaying

    /** Renders and shows {@code value}; returns its new display id. */
    String display(Object value) {
        return publish(renderers().render(value));
    }

    String display(Object value, RenderOptions options) {
        return publish(renderers().render(value, options));
    }

    /** Shows {@code data} under a new display id, noted as this cell's, and returns the id. */
    String publish(DisplayData data) {
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        displayIds.note(id);
        sink.display(data);
        return id;
    }

    void updateDisplay(String displayId, Object value) {
        Objects.requireNonNull(displayId, "displayId");
        DisplayData data = value instanceof DisplayData d ? d : renderers().render(value);
        data.setDisplayId(displayId);
        sink.updateDisplay(data);
    }

    void clearOutput(boolean wait) {
        sink.clearOutput(wait);
    }

    /** Plain Java, no kernel: text on System.out, widgets unconnected. Made only if some thread needs it. */
    private static final class Standalone {
        static final Session SESSION = new Session();
    }
}

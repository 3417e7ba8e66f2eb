package org.javadl.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The registry that turns any value into a MIME bundle: one {@link Renderer} per displayed type,
 * the built-in ones registered by {@link #newStandard()}.
 *
 * <p>Each kernel has its own registry (held by its {@code Session}), so what one session registers
 * ({@link #register}) or sets as defaults ({@code figureSize}) never shows in another run by the same JVM.
 *
 * <p>Lookup picks the most specific registered class or interface the value's class is assignable
 * to (a {@code Table} renderer beats the {@code Object} fallback; a class beats an interface it
 * implements when neither is a subtype of the other, since the class was registered for exactly
 * it). The answer is cached per concrete class.
 *
 * <p>{@link #render} never throws and never returns null, and the bundle always has
 * {@code text/plain}: if a renderer fails, the value is shown as text with a note.
 */
public final class Renderers {

    /** Replaced whole on {@link #register}: lookups read it without a lock, and registrations are rare. */
    private volatile Map<Class<?>, Renderer<?>> byType;
    private final Map<Class<?>, Class<?>> resolved = new ConcurrentHashMap<>();
    private volatile RenderOptions defaults = RenderOptions.defaults();

    private Renderers(Map<Class<?>, Renderer<?>> byType) {
        // Registration order is kept: it breaks ties between unrelated interfaces deterministically.
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** A new registry with the built-in renderers (one per kernel; building it costs well under a millisecond). */
    public static Renderers newStandard() {
        return buildStandard();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Renderers buildStandard() {
        Builder b = builder();
        BasicRenderers.registerAll(b);
        b.register(org.javadl.show.Showable.class, new ShowableRenderer());
        b.register(Figure.class, new FigureRenderer());
        b.register(Markup.class, Markup::render);
        b.register(SelfRendering.class, (value, out, options) -> value.renderTo(out));
        // java.desktop is in every JDK, but a jlinked runtime could leave it out.
        b.registerOptional("java.desktop images", ImageRenderer::registerInto);
        // Optional libraries: a missing jar (NoClassDefFoundError) just means no renderer for it.
        b.registerOptional("Tablesaw", TableRenderer::registerInto);
        b.registerOptional("XChart", ChartRenderer::registerInto);
        return b.build();
    }

    /** Options used by {@link #render(Object)}: set by {@code Notebook.figureSize(...)} and friends. */
    public RenderOptions defaults() {
        return defaults;
    }

    public void setDefaults(RenderOptions options) {
        this.defaults = Objects.requireNonNull(options, "options");
    }

    /**
     * Adds or replaces the renderer for {@code type} from now on (a notebook's own type, or a
     * different look for a built-in one); the most specific registration still wins.
     */
    public synchronized <T> void register(Class<T> type, Renderer<? super T> renderer) {
        Map<Class<?>, Renderer<?>> next = new LinkedHashMap<>(byType);
        next.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(renderer, "renderer"));
        byType = Collections.unmodifiableMap(next);
        // Cached answers may now have a more specific registration.
        resolved.clear();
    }

    /** Renders with the current defaults. */
    public DisplayData render(Object value) {
        return render(value, defaults);
    }

    /** Renders with explicit options (size, theme, MIME types). Never throws; never null. */
    public DisplayData render(Object value, RenderOptions options) {
        RenderOptions opts = options == null ? defaults : options;
        DisplayData data = new DisplayData();
        Bundle out = new Bundle(data, opts);
        if (value == null) {
            out.text("null");
            return data;
        }
        try {
            renderWith(rendererFor(value.getClass()), value, out, opts);
            if (!out.hasText()) {
                out.text(TextFormat.format(value));
            }
            return data;
        } catch (Throwable t) {
            // A broken renderer (or a value whose accessors throw) must not lose the output.
            DisplayData fallback = new DisplayData();
            String note = "(rich display failed: " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")";
            // Keep the renderer's own description if it wrote one before failing (a chart's type,
            // title and series say more than its identity hash).
            String text = out.textSoFar() != null ? out.textSoFar() : TextFormat.format(value);
            fallback.putText(text + "\n" + note);
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void renderWith(Renderer<T> r, Object value, Bundle out, RenderOptions opts) throws Exception {
        r.render((T) value, out, opts);
    }

    /** The renderer used for values of {@code type}. */
    public Renderer<?> rendererFor(Class<?> type) {
        // Registrations only add or replace, so a type cached from an older map is still registered.
        return byType.get(resolved.computeIfAbsent(type, this::mostSpecific));
    }

    /** The registered type that would render {@code type} (for tests and diagnostics). */
    public Class<?> registeredTypeFor(Class<?> type) {
        return resolved.computeIfAbsent(type, this::mostSpecific);
    }

    private Class<?> mostSpecific(Class<?> type) {
        if (byType.containsKey(type)) {
            return type;
        }
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> k : byType.keySet()) {
            if (k.isAssignableFrom(type)) {
                candidates.add(k);
            }
        }
        Class<?> best = Object.class;
        for (Class<?> c : candidates) {
            if (best.isAssignableFrom(c) && best != c) {
                best = c;
            } else if (!c.isAssignableFrom(best) && !c.isInterface() && best.isInterface()) {
                // Unrelated class and interface: the class registration is the more deliberate one.
                best = c;
            }
        }
        return best;
    }

    /** Collects registrations; {@link #build()} freezes them. */
    public static final class Builder {
        private final Map<Class<?>, Renderer<?>> byType = new LinkedHashMap<>();
        private final List<String> skipped = new ArrayList<>();

        private Builder() {
            byType.put(Object.class, BasicRenderers.OBJECT);
        }

        public <T> Builder register(Class<T> type, Renderer<? super T> renderer) {
            byType.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(renderer, "renderer"));
            return this;
        }

        /** Runs {@code registration}; if the library it needs is missing, skips it and notes why. */
        public Builder registerOptional(String library, Consumer<Builder> registration) {
            try {
                registration.accept(this);
            } catch (LinkageError e) {
                skipped.add(library + " (" + e + ")");
            }
            return this;
        }

        public List<String> skipped() {
            return List.copyOf(skipped);
        }

        public Renderers build() {
            return new Renderers(byType);
        }
    }
}

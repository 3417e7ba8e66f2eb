package org.javadl.kernel.display;

/**
 * Renders values of one type into a MIME bundle. Registered in a kernel's {@link Renderers}.
 *
 * <p>A renderer writes through {@link Bundle}, which drops notations the caller did not ask for, so a
 * renderer may check {@link Bundle#wants(String)} before doing expensive work (encoding a PNG) but
 * never has to. It may throw: {@link Renderers} catches everything and falls back to plain text.
 *
 * @param <T> the displayed type (a class or an interface; the most specific registration wins)
 */
@FunctionalInterface
public interface Renderer<T> {

    void render(T value, Bundle out, RenderOptions options) throws Exception;
}

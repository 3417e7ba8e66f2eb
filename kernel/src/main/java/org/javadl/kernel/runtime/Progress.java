package org.javadl.kernel.runtime;

import org.javadl.show.Html;
import org.javadl.show.Showable;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;

/**
 * A progress bar that updates in place, like tqdm:
 * <pre>{@code
 * for (int epoch : progress(100)) { ... }            // iterate 0..99
 * for (var batch : progress(batches)) { ... }        // any Iterable with a known size, or not
 * var p = progress(total); ... p.step(); ... p.close();
 * }</pre>
 * The bar is shown when created (or when iteration starts), updated at most every
 * {@value #INTERVAL_MS} ms, and always once more with the final state: when the count reaches the
 * total, when iteration ends, or on {@link #close()}.
 *
 * @param <T> the element type when iterating
 */
public final class Progress<T> implements Iterable<T>, AutoCloseable, Showable {

    static final long INTERVAL_MS = 100;

    private final Iterable<T> source;
    private final long total;
    private final String label;
    private final LongSupplier clock;
    /** Taken once when made: updates from any thread go to the kernel whose code made the bar. */
    private final Session session;
    private final Throttle throttle;
    private final long started;
    private String id;
    private long count;
    private boolean closed;
    private String postfix = "";

    Progress(String label, Iterable<T> source, long total, Session session) {
        if (total < -1) {
            throw new IllegalArgumentException("progress total must be >= 0, got " + total);
        }
        this.label = label == null ? "" : label;
        this.source = source;
        this.total = total;
        this.session = session;
        this.clock = session.clock();
        this.throttle = new Throttle(INTERVAL_MS, clock);
        this.started = clock.getAsLong();
    }

    /** Advances by one. */
    public Progress<T> step() {
        return step(1);
    }

    /** Advances by {@code n}; reaching the total sends the final state. */
    public synchronized Progress<T> step(long n) {
        ensureShown();
        count += n;
        if (total >= 0 && count >= total) {
            finish();
        } else if (throttle.tryAcquire()) {
            session.updateDisplay(id, this);
        }
        return this;
    }

    /** Text shown after the counts, e.g. {@code "loss=0.213"} (sent with the next update). */
    public synchronized Progress<T> note(String text) {
        this.postfix = text == null ? "" : text;
        return this;
    }

    /** Sends the final state (idempotent). Call it when stopping before the total. */
    @Override
    public synchronized void close() {
        ensureShown();
        finish();
    }

    public synchronized long count() {
        return count;
    }

    /** The display id of the bar, or null before it is shown. */
    public synchronized String displayId() {
        return id;
    }

    private void ensureShown() {
        if (id == null) {
            id = session.display(this);
            throttle.markSent();
        }
    }

    private void finish() {
        if (!closed) {
            closed = true;
            session.updateDisplay(id, this);
        }
    }

    @Override
    public Iterator<T> iterator() {
        if (source == null) {
            throw new IllegalStateException("this progress bar counts steps; use step(), or progress(n) to iterate");
        }
        Iterator<T> it = source.iterator();
        synchronized (this) {
            ensureShown();
        }
        return new Iterator<>() {
            private boolean first = true;
            private boolean ended;

            @Override
            public boolean hasNext() {
                boolean more = it.hasNext();
                if (!more && !ended) {
                    ended = true;
                    if (!first) {
                        step(); // the last element's loop body has run
                    }
                    close();
                }
                return more;
            }

            @Override
            public T next() {
                T v = it.next();
                // The previous element counts as done when the next one is fetched, as in tqdm.
                if (!first) {
                    step();
                }
                first = false;
                return v;
            }
        };
    }

    /** E.g. {@code training  45% |█████▍      | 45/100 [00:02<00:03, 20.1 it/s] loss=0.2}. */
    public synchronized String text() {
        double secs = (clock.getAsLong() - started) / 1e9;
        double rate = secs > 0 ? count / secs : 0;
        StringBuilder b = new StringBuilder();
        if (!label.isEmpty()) {
            b.append(label).append(": ");
        }
        if (total > 0) {
            double f = Math.min(1, (double) count / total);
            b.append(String.format(Locale.ROOT, "%3d%% |", Math.round(100 * f))).append(bar(f, 20)).append("| ");
            b.append(count).append('/').append(total);
            String eta = rate > 0 && count < total ? clockText((total - count) / rate) : "00:00";
            b.append(" [").append(clockText(secs)).append('<').append(eta);
        } else {
            b.append(count).append(" it [").append(clockText(secs));
        }
        b.append(String.format(Locale.ROOT, ", %.1f it/s]", rate));
        if (!postfix.isEmpty()) {
            b.append(' ').append(postfix);
        }
        return b.toString();
    }

    @Override
    public synchronized String toText() {
        return text();
    }

    @Override
    public synchronized String toHtml() {
        double f = total > 0 ? Math.min(1, (double) count / total) : 0;
        String max = total > 0 ? Long.toString(total) : "1";
        String value = total > 0 ? Long.toString(Math.min(count, total)) : (closed ? "1" : "");
        return "<div class=\"javadl-progress\" style=\"font-family:var(--jp-code-font-family,monospace);font-size:90%\">"
                + (label.isEmpty() ? "" : "<span>" + Html.escape(label) + "</span> ")
                + "<progress style=\"width:240px;vertical-align:middle\" max=\"" + max + "\""
                + (value.isEmpty() ? "" : " value=\"" + value + "\"") + "></progress> "
                + "<span>" + Html.escape(text().substring(label.isEmpty() ? 0 : label.length() + 2)
                        .replaceFirst("^\\s*\\d+% \\|[^|]*\\| ", "")) + "</span>"
                + (total > 0 ? String.format(Locale.ROOT, " <span style=\"%s\">%.0f%%</span>", Html.MUTED, 100 * f) : "")
                + "</div>";
    }

    private static String bar(double f, int width) {
        String[] partial = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
        double cells = f * width;
        int full = (int) cells;
        StringBuilder b = new StringBuilder("█".repeat(full));
        if (full < width) {
            b.append(partial[(int) ((cells - full) * 8)]);
            b.append(" ".repeat(width - full - (b.length() > full ? 1 : 0)));
        }
        return b.toString();
    }

    private static String clockText(double secs) {
        long s = Math.max(0, Math.round(secs));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    @Override
    public String toString() {
        return text();
    }
}

package org.javadl.autograd;

import java.util.function.Supplier;

/**
 * Whether operations record a graph, per thread (as PyTorch's grad mode): on by default;
 * {@code noGrad(() -> ...)} turns it off for a block, e.g. an optimizer step or an evaluation.
 * Example: {@code Tensor y = GradMode.noGrad(() -> w.mul(2));} gives a y that needs no gradient.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when results of operations on tensors that need gradients are recorded. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Runs {@code body} with recording off and returns its result; the previous mode is restored. */
    public static <T> T noGrad(Supplier<T> body) {
        return with(false, body);
    }

    /** Runs {@code body} with recording off; the previous mode is restored even if it throws. */
    public static void noGrad(Runnable body) {
        with(false, () -> {
            body.run();
            return null;
        });
    }

    /** Runs {@code body} with recording on (inside a {@code noGrad} block, for instance). */
    public static <T> T enableGrad(Supplier<T> body) {
        return with(true, body);
    }

    static <T> T with(boolean on, Supplier<T> body) {
        boolean[] flag = ENABLED.get();
        boolean before = flag[0];
        flag[0] = on;
        try {
            return body.get();
        } finally {
            flag[0] = before;
        }
    }
}

package org.javadl.parity;

import java.util.Map;

/** Cases other than single ops: losses, whole models and optimizer trajectories. */
final class Cases {
    private Cases() {
    }

    static void run(String kind, Map<String, Object> cs, Map<String, Object> r) {
        throw new IllegalArgumentException("unknown case kind " + kind);
    }
}

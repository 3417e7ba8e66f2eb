package org.javadl.graph;

import java.util.Arrays;

/**
 * Topological ordering of the nodes a value depends on, by an iterative depth-first search.
 *
 * <p>Why iterative: a recursive DFS overflows the thread stack on long chains (a 100,000-node
 * chain is a normal test). Why marks in the nodes instead of a hash set: stamping a field is
 * several times faster than hashing every node, and the backward pass is meant to handle millions
 * of nodes per second. Each traversal takes two fresh stamps (open = on the stack, expanded;
 * done = emitted), so marks never need clearing.
 */
final class Topo {
    private Topo() {
    }

    /**
     * Per-thread scratch: the DFS stack (reused, so a million-node sort does not allocate and grow a
     * fresh stack every call) and the size of the last order (a good first guess for the next one:
     * training loops sort graphs of the same size again and again, and guessing right means one
     * exact-size allocation instead of a chain of doublings and a final trim).
     */
    private static final class Scratch {
        Value[] stack = new Value[64];
        int lastSize = 16;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** All nodes {@code root} depends on (root included), every node after all of its inputs. */
    static Value[] order(Value root) {
        long open = Value.EPOCH.addAndGet(2);
        long done = open + 1;
        Scratch scratch = SCRATCH.get();
        Value[] out = new Value[Math.max(16, scratch.lastSize)];
        int n = 0;
        Value[] stack = scratch.stack;
        int sp = 0;
        int high = 1; // high-water mark of the stack, for clearing it afterwards
        stack[sp++] = root;
        try {
            while (sp > 0) {
                Value v = stack[sp - 1];
                if (v.mark == done) {
                    sp--; // pushed twice through two parents; already emitted
                    continue;
                }
                if (v.mark == open) {
                    // Second visit: all inputs are emitted now, so v can follow them.
                    v.mark = done;
                    sp--;
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = v;
                    continue;
                }
                v.mark = open;
                if (sp + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                    scratch.stack = stack;
                }
                // Push b before a so that a's subtree is emitted first (a natural left-to-right order).
                Value b = v.b;
                if (b != null && b.mark != done) {
                    stack[sp++] = b;
                }
                Value a = v.a;
                if (a != null && a.mark != done) {
                    stack[sp++] = a;
                }
                if (sp > high) {
                    high = sp;
                }
            }
        } finally {
            // Drop references so the scratch stack does not keep old graphs alive.
            Arrays.fill(stack, 0, Math.min(stack.length, high), null);
        }
        scratch.lastSize = n;
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}

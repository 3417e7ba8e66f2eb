package org.javadl.kernel.engine.internals;

import org.javadl.kernel.engine.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patch set of an engine: every patch on where the JDK lets it in, in the order install applies them. */
class JdkPatchesTest {
    @Test
    void everyPatchIsOnAndReportedInInstallOrder() {
        PatchStates states;
        try (EngineSession session = new EngineSession()) {
            states = session.engine().patches().states();
        }
        assertTrue(states.allOn(), "surefire opens every package the patches need: " + states.summary());
        List<String> installed = states.states().stream().map(PatchStates.State::name).toList();
        List<String> declared = Arrays.stream(JdkPatches.Patch.values()).map(p -> p.label).toList();
        assertEquals(declared, installed);
        assertTrue(states.summary().startsWith(PatchStates.PREFIX + " on Java " + Runtime.version() + ": "), states.summary());
    }

    @Test
    void eachPatchComesAfterThoseItRequires() {
        for (JdkPatches.Patch p : JdkPatches.Patch.values()) {
            for (JdkPatches.Patch r : p.requires) {
                assertTrue(r.ordinal() < p.ordinal(), p + " is applied before " + r);
            }
        }
        assertTrue(JdkPatches.Patch.INDEXING_PAUSE.beforeStartupCode, "indexing is paused before the imports compile");
    }
}

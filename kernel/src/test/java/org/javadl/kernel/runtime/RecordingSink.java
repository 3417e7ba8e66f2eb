package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import org.javadl.kernel.protocol.OutputCapture;
import org.javadl.kernel.widgets.WidgetManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A fake kernel: records every display and update message. */
final class RecordingSink implements DisplaySink {

    record Message(String kind, DisplayData data) {
    }

    final List<Message> messages = new ArrayList<>();

    /** A session of its own whose displays this sink records, on the given clock. */
    Session session(LongSupplier clock) {
        Session s = new Session(null, new WidgetManager(), clock);
        s.connect(this, OutputCapture.standalone());
        return s;
    }

    /** Binds a fresh recording session to the calling (test) thread; close the binding after the test. */
    Session.Binding bindNewSession() {
        return session(System::nanoTime).bind();
    }

    @Override
    public synchronized void display(DisplayData data) {
        messages.add(new Message("display", data));
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        messages.add(new Message("update", data));
    }

    synchronized long count(String kind) {
        return messages.stream().filter(m -> m.kind().equals(kind)).count();
    }

    synchronized Message last() {
        return messages.get(messages.size() - 1);
    }
}

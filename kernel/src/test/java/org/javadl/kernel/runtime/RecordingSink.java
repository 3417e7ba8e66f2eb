package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;

/** A fake kernel: records every display and update message. */
final class RecordingSink implements DisplaySink {

    record Message(String kind, DisplayData data) {
    }

    final List<Message> messages = new ArrayList<>();

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

package org.javadl.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** Plain Java, no kernel: rich output degrades to its text/plain form on standard output. */
final class StdoutSink implements DisplaySink {
    static final StdoutSink INSTANCE = new StdoutSink();

    private static final MIMEType TEXT = MIMEType.parse("text/plain");

    @Override
    public void display(DisplayData data) {
        Object text = data.getData(TEXT);
        System.out.println(text == null ? "" : text);
    }

    @Override
    public void updateDisplay(DisplayData data) {
        display(data);
    }
}

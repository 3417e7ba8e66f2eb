package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code %%bash} and {@code %%sh}: the cell's body is a shell script. Its output streams into the cell
 * as it is written; interrupt (or the cell's time budget) stops the script.
 */
final class ShellMagic implements Magic {
    private final String shell;

    ShellMagic(String shell) {
        this.shell = shell;
    }

    @Override
    public String name() {
        return shell;
    }

    @Override
    public boolean isLine() {
        return false;
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String summary() {
        return "run the cell as a " + shell + " script, output streamed";
    }

    @Override
    public String help() {
        return "%%" + shell + " [ARGS]   (first line; the rest of the cell is the script)\n\n"
                + "Runs the script with " + shell + " in the kernel's working directory, streaming its stdout and stderr"
                + " into the cell as they come. ARGS become $1, $2, ...; variables set with %env are in its environment."
                + " A non-zero exit status fails the cell; interrupt stops the script.";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(shell, "-c", body.strip() + "\n", shell));
        if (!args.isBlank()) {
            command.addAll(List.of(args.strip().split("\\s+")));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(context.environment());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new CellOutcome.Failure("ShellNotFound", shell + " could not be started: " + e.getMessage(),
                    List.of("ShellNotFound: " + shell + " could not be started: " + e.getMessage()));
        }
        Thread out = pump(p.getInputStream(), System.out, shell + "-stdout");
        Thread err = pump(p.getErrorStream(), System.err, shell + "-stderr");
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            if (context.interrupted()) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
                out.join(1000);
                err.join(1000);
                return context.interruptedOutcome();
            }
        }
        out.join(2000);
        err.join(2000);
        int status = p.exitValue();
        if (status != 0) {
            String msg = shell + " exited with status " + status;
            return new CellOutcome.Failure("CalledProcessError", msg, List.of("CalledProcessError: " + msg));
        }
        return new CellOutcome.Success(false, null);
    }

    /** Copies a stream as it arrives; chunks are flushed so the front end sees lines as they are written. */
    private static Thread pump(InputStream in, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the process was stopped
            }
        }, "javadl-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %timeit [-n LOOPS] [-r RUNS] CODE} and {@code %%timeit}: the code is compiled once into a loop
 * and timed by {@link Timeit}, IPython-style: "12.3 µs ± 0.4 µs per loop (mean ± std. dev. of 7 runs,
 * 10,000 loops each)". Declarations inside stay local to the loop.
 */
final class TimeitMagic extends JavaBodyMagic {
    private static final Pattern OPTIONS = Pattern.compile("^\\s*((?:-[nr]\\s*\\S+\\s*)*)(.*)$", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("-([nr])\\s*(\\S+)");
    private static final String TIMEIT = "org.javadl.kernel.magic.Timeit";

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public String summary() {
        return "time many runs: mean ± std. dev. per loop";
    }

    @Override
    public String help() {
        return """
                %timeit [-n LOOPS] [-r RUNS] EXPRESSION-OR-STATEMENTS
                %%timeit [-n LOOPS] [-r RUNS]   (first line; the rest of the cell is the timed code)

                Compiles the code once into a loop and times it:
                  12.3 µs ± 0.4 µs per loop (mean ± std. dev. of 7 runs, 10,000 loops each)
                Without -n the loop count grows (1, 2, 5, 10, 20, 50, ...) until one run takes at least 0.2 s;
                -r is the number of runs (default 7). The value of an expression is kept alive so the JIT cannot
                skip computing it. Variables declared in the timed code stay local to it.
                Interrupt stops it like any cell.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        Matcher m = OPTIONS.matcher(args);
        m.matches();
        long loops = 0;
        int runs = 7;
        Matcher o = OPTION.matcher(m.group(1));
        while (o.find()) {
            long v = number(o.group(1), o.group(2));
            if (o.group(1).equals("n")) {
                loops = v;
            } else {
                runs = (int) Math.min(v, 1000);
            }
        }
        String code = (body == null ? m.group(2) : body).strip();
        if (code.isEmpty()) {
            throw new MagicException("%timeit needs code to time: %timeit Math.sqrt(2.0)   or   %timeit -n 1000 -r 5 list.sort(null);");
        }
        String prefix = TIMEIT + ".measure(__n -> { for (long __i = 0; __i < __n; __i++) { ";
        String suffix = " } }, " + loops + "L, " + runs + ")";
        CellOutcome outcome = code.endsWith(";") || code.endsWith("}") ? null
                : context.runJava(prefix + TIMEIT + ".consume(" + code + ");" + suffix);
        if (outcome == null || isCompileError(outcome)) {
            // Not an expression: time it as statements.
            outcome = context.runJava(prefix + code + (code.endsWith(";") || code.endsWith("}") ? "" : ";") + suffix);
        }
        if (outcome instanceof CellOutcome.Success s && s.value() instanceof Timeit.Result r) {
            System.out.println(r);
            return new CellOutcome.Success(false, null);
        }
        return outcome;
    }

    private static boolean isCompileError(CellOutcome o) {
        return o instanceof CellOutcome.Failure f && "CompilationError".equals(f.ename());
    }

    private static long number(String option, String text) throws MagicException {
        try {
            long v = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new MagicException("%timeit -" + option + " needs a positive whole number, got '" + text + "'");
        }
    }
}

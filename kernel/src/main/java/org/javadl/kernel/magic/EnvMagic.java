package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %env}: lists, reads and sets environment variables. Java cannot change its own process's
 * environment, so a variable set here is for the commands {@code %%bash} and {@code %%sh} start; the
 * help says so instead of pretending.
 */
final class EnvMagic implements Magic {
    private static final Pattern SET = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=|\\s)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String summary() {
        return "list, get or set environment variables";
    }

    @Override
    public String help() {
        return """
                %env                 all environment variables, sorted
                %env NAME            one variable's value
                %env NAME=VALUE      sets it (also: %env NAME VALUE) for the commands that %%bash and %%sh start

                Java cannot change the environment of the running kernel: System.getenv keeps what the kernel
                started with. Use System.setProperty for Java settings.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) throws MagicException {
        Map<String, String> env = context.environment();
        String a = args.strip();
        if (a.isEmpty()) {
            StringBuilder b = new StringBuilder();
            new TreeMap<>(env).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
            System.out.print(b);
            return new CellOutcome.Success(false, null);
        }
        if (NAME.matcher(a).matches()) {
            String v = env.get(a);
            if (v == null) {
                throw new MagicException("%env: " + a + " is not set");
            }
            System.out.println(v);
            return new CellOutcome.Success(false, null);
        }
        Matcher m = SET.matcher(a);
        if (!m.matches()) {
            throw new MagicException("%env: use %env, %env NAME or %env NAME=VALUE (names are letters, digits and _), got: " + a);
        }
        String value = PathPatterns.unquote(m.group(2).strip());
        env.put(m.group(1), value);
        System.out.println("env: " + m.group(1) + "=" + value + "  (for %%bash and %%sh; System.getenv is unchanged)");
        return new CellOutcome.Success(false, null);
    }
}

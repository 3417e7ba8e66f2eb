package org.javadl.kernel.magic;

import org.javadl.kernel.engine.CellOutcome;
import org.javadl.kernel.engine.JavaEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code %whos} / {@code %vars}: the session's variables with type, shape and approximate size. */
final class WhosMagic implements Magic {
    @Override
    public String name() {
        return "whos";
    }

    @Override
    public List<String> aliases() {
        return List.of("vars");
    }

    @Override
    public String summary() {
        return "table of variables: type, shape, approximate size";
    }

    @Override
    public String help() {
        return """
                %whos [FILTER]   (also %vars)

                A table of the variables defined in this session: name, declared type, shape (arrays,
                tensors, Tablesaw tables, collections, strings), approximate heap size, and the value in
                short. FILTER keeps names or types containing it (%whos Tensor).
                Sizes are estimates from the values' lengths and element types, not a heap walk.""";
    }

    @Override
    public CellOutcome run(MagicContext context, String args, String body) {
        String filter = args.strip().toLowerCase(Locale.ROOT);
        List<JavaEngine.Variable> vars = new ArrayList<>();
        for (JavaEngine.Variable v : context.engine().variables()) {
            if (!v.name().startsWith("__") && (filter.isEmpty() || v.name().toLowerCase(Locale.ROOT).contains(filter)
                    || v.type().toLowerCase(Locale.ROOT).contains(filter))) {
                vars.add(v);
            }
        }
        Object[] values = new Object[vars.size()];
        if (!vars.isEmpty()) {
            // One snippet fetches every value: the real objects, not JShell's strings.
            String array = "new Object[]{" + String.join(", ", vars.stream().map(JavaEngine.Variable::name).toList()) + "}";
            CellOutcome o = context.runJava(array);
            if (o instanceof CellOutcome.Success s && s.value() instanceof Object[] got && got.length == values.length) {
                values = got;
            } else {
                return o;
            }
        }
        List<VariableTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            rows.add(VariableTable.row(vars.get(i).name(), vars.get(i).type(), values[i]));
        }
        return new CellOutcome.Success(true, new VariableTable(rows));
    }
}

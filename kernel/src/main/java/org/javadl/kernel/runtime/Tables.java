package org.javadl.kernel.runtime;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.javadl.kernel.display.TextFormat;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Tablesaw tables from what cells have at hand: named columns, maps, lists of records,
 * matrices. Column types follow the Java values: double/float → double, int/short/byte → integer,
 * long → long, boolean → boolean, anything else → text (its display form).
 */
final class Tables {
    private Tables() {
    }

    /** {@code ("x", xs, "y", ys, ...)}: alternating names and columns (arrays or collections). */
    static Table ofColumns(Object... namesAndColumns) {
        if (namesAndColumns.length == 0 || namesAndColumns.length % 2 != 0) {
            throw new IllegalArgumentException("table(...) takes pairs: a column name, then its values "
                    + "(got " + namesAndColumns.length + " arguments)");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            if (!(namesAndColumns[i] instanceof String name)) {
                throw new IllegalArgumentException("argument " + (i + 1) + " of table(...) must be a column name, got "
                        + TextFormat.format(namesAndColumns[i]));
            }
            columns.put(name, namesAndColumns[i + 1]);
        }
        return ofColumnMap(columns);
    }

    /**
     * A map whose values are all sequences becomes one column per entry; any other map becomes two
     * columns, key and value.
     */
    static Table ofMap(Map<?, ?> map) {
        boolean columnar = !map.isEmpty() && map.values().stream().allMatch(Tables::isSequence);
        if (columnar) {
            Map<String, Object> columns = new LinkedHashMap<>();
            map.forEach((k, v) -> columns.put(String.valueOf(k), v));
            return ofColumnMap(columns);
        }
        List<Object> keys = new ArrayList<>(map.keySet());
        List<Object> values = new ArrayList<>(map.values());
        Table t = Table.create("");
        t.addColumns(column("key", keys), column("value", values));
        return t;
    }

    /** Records become one row each, one column per record component; other objects one "value" column. */
    static Table ofRows(Collection<?> rows) {
        if (rows.isEmpty()) {
            return Table.create("");
        }
        Object first = rows.iterator().next();
        if (first != null && first.getClass().isRecord()) {
            RecordComponent[] comps = first.getClass().getRecordComponents();
            Map<String, Object> columns = new LinkedHashMap<>();
            for (RecordComponent c : comps) {
                List<Object> values = new ArrayList<>(rows.size());
                for (Object row : rows) {
                    if (row == null || row.getClass() != first.getClass()) {
                        throw new IllegalArgumentException("table(list) needs rows of one record type; found "
                                + (row == null ? "null" : row.getClass().getSimpleName()));
                    }
                    values.add(read(c, row));
                }
                columns.put(c.getName(), values);
            }
            return ofColumnMap(columns);
        }
        return ofColumnMap(Map.of("value", new ArrayList<>(rows)));
    }

    /** Rows of a matrix; columns named c0, c1, ... */
    static Table ofMatrix(double[][] m) {
        Table t = Table.create("");
        int cols = m.length == 0 ? 0 : m[0].length;
        for (int j = 0; j < cols; j++) {
            double[] col = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                if (m[i].length != cols) {
                    throw new IllegalArgumentException("ragged matrix: row 0 has " + cols + " values, row " + i
                            + " has " + m[i].length);
                }
                col[i] = m[i][j];
            }
            t.addColumns(DoubleColumn.create("c" + j, col));
        }
        return t;
    }

    private static Object read(RecordComponent c, Object row) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(row);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read record component " + c.getName() + ": " + e, e);
        }
    }

    private static Table ofColumnMap(Map<String, Object> columns) {
        Table t = Table.create("");
        int rows = -1;
        String firstName = null;
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            Column<?> col = column(e.getKey(), e.getValue());
            if (rows >= 0 && col.size() != rows) {
                throw new IllegalArgumentException("columns differ in length: '" + firstName + "' has " + rows
                        + " values, '" + e.getKey() + "' has " + col.size());
            }
            if (rows < 0) {
                rows = col.size();
                firstName = e.getKey();
            }
            t.addColumns(col);
        }
        return t;
    }

    static boolean isSequence(Object v) {
        return v != null && (v.getClass().isArray() || v instanceof Collection<?>);
    }

    static Column<?> column(String name, Object values) {
        if (values instanceof double[] a) {
            return DoubleColumn.create(name, a);
        }
        if (values instanceof int[] a) {
            return IntColumn.create(name, a);
        }
        if (values instanceof long[] a) {
            return LongColumn.create(name, a);
        }
        if (values instanceof float[] a) {
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = Double.parseDouble(Float.toString(a[i])); // 0.1f shows as 0.1, not 0.10000000149
            }
            return DoubleColumn.create(name, d);
        }
        List<Object> list = new ArrayList<>();
        if (values != null && values.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(values); i++) {
                list.add(Array.get(values, i));
            }
        } else if (values instanceof Collection<?> c) {
            list.addAll(c);
        } else {
            throw new IllegalArgumentException("column '" + name + "' must be an array or a collection, got "
                    + (values == null ? "null" : values.getClass().getSimpleName()));
        }
        return boxedColumn(name, list);
    }

    private static Column<?> boxedColumn(String name, List<Object> list) {
        if (allOf(list, Integer.class, Short.class, Byte.class)) {
            IntColumn c = IntColumn.create(name);
            list.forEach(v -> c.append(((Number) v).intValue()));
            return c;
        }
        if (allOf(list, Long.class, Integer.class, Short.class, Byte.class)) {
            LongColumn c = LongColumn.create(name);
            list.forEach(v -> c.append(((Number) v).longValue()));
            return c;
        }
        if (allOf(list, Double.class, Float.class, Long.class, Integer.class, Short.class, Byte.class)) {
            DoubleColumn c = DoubleColumn.create(name);
            list.forEach(v -> c.append(v instanceof Float f ? Double.parseDouble(f.toString()) : ((Number) v).doubleValue()));
            return c;
        }
        if (allOf(list, Boolean.class)) {
            BooleanColumn c = BooleanColumn.create(name);
            list.forEach(v -> c.append((Boolean) v));
            return c;
        }
        StringColumn c = StringColumn.create(name);
        for (Object v : list) {
            c.append(v instanceof String s ? s : TextFormat.format(v));
        }
        return c;
    }

    private static boolean allOf(List<Object> list, Class<?>... types) {
        if (list.isEmpty()) {
            return types[0] == Double.class;
        }
        outer:
        for (Object v : list) {
            if (v == null) {
                return false;
            }
            for (Class<?> t : types) {
                if (t.isInstance(v)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}

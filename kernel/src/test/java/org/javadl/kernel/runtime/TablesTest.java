package org.javadl.kernel.runtime;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TablesTest {

    @Test
    void namedColumnsKeepTheirTypes() {
        Table t = Notebook.table("x", new double[] {0, 0.5}, "n", new int[] {1, 2}, "label", List.of("a", "b"),
                "ok", List.of(true, false));
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("x").type());
        assertEquals(ColumnType.INTEGER, t.column("n").type());
        assertEquals(ColumnType.STRING, t.column("label").type());
        assertEquals(ColumnType.BOOLEAN, t.column("ok").type());
    }

    record Step(int layer, double jump, long receptiveField, String note) {
    }

    @Test
    void recordsBecomeRows() {
        Table t = Notebook.table(List.of(new Step(1, 1, 3, "conv"), new Step(2, 2, 5, "pool")));
        assertEquals(List.of("layer", "jump", "receptiveField", "note"), t.columnNames());
        assertEquals(ColumnType.INTEGER, t.column("layer").type());
        assertEquals(ColumnType.DOUBLE, t.column("jump").type());
        assertEquals(ColumnType.LONG, t.column("receptiveField").type());
        assertEquals("pool", t.getString(1, "note"));
    }

    @Test
    void mapsAndMatrices() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("x", new double[] {1, 2, 3});
        columns.put("y", new double[] {1, 4, 9});
        assertEquals(List.of("x", "y"), Notebook.table(columns).columnNames());
        Map<String, Double> kv = new LinkedHashMap<>();
        kv.put("loss", 0.3);
        kv.put("acc", 0.9);
        Table t = Notebook.table(kv);
        assertEquals(List.of("key", "value"), t.columnNames());
        assertEquals(2, t.rowCount());
        Table m = Notebook.table(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(List.of("c0", "c1", "c2"), m.columnNames());
        assertEquals(6.0, m.doubleColumn("c2").get(1));
    }

    @Test
    void mistakesAreClear() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.table("x", new double[] {1}, "y"));
        assertThrows(IllegalArgumentException.class, () -> Notebook.table("x", new double[] {1}, "y", new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Notebook.table(1, new double[] {1}));
    }
}

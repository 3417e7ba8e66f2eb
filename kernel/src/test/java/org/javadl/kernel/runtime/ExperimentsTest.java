package org.javadl.kernel.runtime;

import static org.javadl.kernel.display.BundleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.javadl.autograd.Losses;
import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.data.Datasets;
import org.javadl.nn.Linear;
import org.javadl.nn.Sequential;
import org.javadl.nn.Tanh;
import org.javadl.optim.Adam;
import org.javadl.train.History;
import org.javadl.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ExperimentsTest {
    private RecordingSink sink;
    private Session.Binding bound;

    @BeforeEach
    void install() {
        sink = new RecordingSink();
        bound = sink.bindNewSession();
    }

    @AfterEach
    void restore() {
        bound.close();
    }

    @Test
    void fitShowsAProgressBarAndLiveCurvesAndReturnsTheHistory() {
        Dataset.Split s = Datasets.twoMoons(200, 0.1, 0).split(0.25, 0);
        SplittableRandom rng = new SplittableRandom(0);
        Sequential m = new Sequential(new Linear(2, 8, true, rng), new Tanh(), new Linear(8, 2, true, rng));
        Trainer t = new Trainer(m, Losses::crossEntropy, new Adam(m.parameters(), 1e-2)).validation(s.test());
        History h = Notebook.fit(t, new DataLoader(s.train(), 50, true, 0), 3);
        assertEquals(3, h.epochs().size());
        // three displays: the bar and the two curves; the bar ends at 3 epochs × 3 batches with the last epoch's numbers
        assertEquals(3, sink.count("display"));
        String bar = sink.messages.stream().filter(msg -> text(msg.data()).startsWith("training"))
                .reduce((a, b) -> b).map(msg -> text(msg.data())).orElseThrow();
        assertTrue(bar.contains("9/9") && bar.contains("epoch 3: loss") && bar.contains("validation accuracy"), bar);
    }

    @Test
    void dataSetsBecomeTablesawTables() {
        Table t = Notebook.table(Datasets.iris());
        assertEquals(150, t.rowCount());
        assertEquals(5, t.columnCount());
        assertEquals("petal width (cm)", t.column(3).name());
        assertEquals("setosa", t.column("target").getString(0));
        assertEquals(5.1, t.doubleColumn(0).get(0));
        assertEquals("Fisher's iris", t.name());
        assertEquals(Datasets.twoMoons(10, 0, 0).targets().get(9), (double) Notebook.table(Datasets.twoMoons(10, 0, 0))
                .doubleColumn("target").get(9));
        assertThrows(IllegalArgumentException.class, () -> Notebook.table(Datasets.digits().reshaped(8, 8)));
    }
}

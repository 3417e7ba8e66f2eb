package org.javadl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.javadl.autograd.Losses;
import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.data.Datasets;
import org.javadl.optim.Adam;
import org.javadl.optim.LrSchedule;
import org.javadl.train.ConfusionMatrix;
import org.javadl.train.EpochStats;
import org.javadl.train.History;
import org.javadl.train.Metrics;
import org.javadl.train.Trainer;
import org.junit.jupiter.api.Test;

/** The whole stack learns: layers, losses, autograd, an optimizer, minibatches and the training loop. */
class TrainingTest {

    @Test
    void anMlpLearnsTheDigits() {
        Dataset.Split s = Datasets.digits().split(0.2, 0);
        Dataset train = s.train().standardized(s.train());
        Dataset test = s.test().standardized(s.train());
        SplittableRandom rng = new SplittableRandom(1);
        Sequential mlp = new Sequential(new Linear(64, 128, true, rng), new ReLU(), new Linear(128, 10, true, rng));
        Adam opt = new Adam(mlp.parameters(), 1e-3);
        List<Integer> batches = new ArrayList<>();
        Trainer trainer = new Trainer(mlp, Losses::crossEntropy, opt).validation(test)
                .schedule(LrSchedule.step(opt, 10, 0.5));
        History h = trainer.fit(new DataLoader(train, 32, true, 0), 15, new Trainer.Listener() {
            @Override
            public void batchEnded(int epoch, int batch, double loss) {
                batches.add(batch);
            }
        });
        assertEquals(15 * 45, batches.size());
        assertEquals(15, h.epochs().size());
        double[] loss = h.series(EpochStats::trainLoss);
        assertTrue(loss[14] < loss[0] / 5, java.util.Arrays.toString(loss));
        assertEquals(5e-4, h.epochs().get(10).learningRate(), 1e-15);
        double acc = Metrics.accuracy(mlp, test);
        assertTrue(acc >= 0.95, "test accuracy " + acc);
        assertEquals(acc, h.last().validationAccuracy(), 1e-15);
        ConfusionMatrix cm = Metrics.confusion(mlp, test);
        assertEquals(acc, cm.accuracy(), 1e-15);
        assertEquals(Math.round((1 - acc) * test.size()), cm.misclassified().length);
        assertTrue(cm.toText().contains("accuracy") && cm.toHtml().contains("<table"));
        assertTrue(h.toText().contains("train loss"));
    }

    @Test
    void anMlpSeparatesTheMoons() {
        Dataset.Split s = Datasets.twoMoons(400, 0.15, 2).split(0.25, 1);
        SplittableRandom rng = new SplittableRandom(3);
        Sequential mlp = new Sequential(new Linear(2, 32, true, rng), new Tanh(), new Linear(32, 2, true, rng));
        new Trainer(mlp, Losses::crossEntropy, new Adam(mlp.parameters(), 1e-2))
                .fit(new DataLoader(s.train(), 32, true, 0), 60);
        double acc = Metrics.accuracy(mlp, s.test());
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }
}

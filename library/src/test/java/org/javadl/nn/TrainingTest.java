package org.javadl.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.javadl.autograd.GradMode;
import org.javadl.autograd.Losses;
import org.javadl.data.DataLoader;
import org.javadl.data.Dataset;
import org.javadl.data.Datasets;
import org.javadl.optim.Adam;
import org.javadl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The whole stack learns: layers, losses, autograd, an optimizer and minibatches on real and synthetic data. */
class TrainingTest {
    private static double accuracy(Layer model, Dataset d) {
        model.eval();
        Tensor pred = GradMode.noGrad(() -> model.forward(d.features())).argmax(1);
        model.train();
        double right = 0;
        for (int i = 0; i < d.size(); i++) {
            right += pred.get(i) == d.targets().get(i) ? 1 : 0;
        }
        return right / d.size();
    }

    private static void fit(Layer model, Dataset train, int epochs, double lr) {
        Adam opt = new Adam(model.parameters(), lr);
        DataLoader loader = new DataLoader(train, 32, true, 0);
        for (int e = 0; e < epochs; e++) {
            for (DataLoader.Batch b : loader) {
                opt.zeroGrad();
                Losses.crossEntropy(model.forward(b.x()), b.y()).backward();
                opt.step();
            }
        }
    }

    @Test
    void anMlpLearnsTheDigits() {
        Dataset.Split s = Datasets.digits().split(0.2, 0);
        Dataset train = s.train().standardized(s.train());
        Dataset test = s.test().standardized(s.train());
        SplittableRandom rng = new SplittableRandom(1);
        Sequential mlp = new Sequential(new Linear(64, 128, true, rng), new ReLU(), new Linear(128, 10, true, rng));
        fit(mlp, train, 15, 1e-3);
        double acc = accuracy(mlp, test);
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }

    @Test
    void anMlpSeparatesTheMoons() {
        Dataset.Split s = Datasets.twoMoons(400, 0.15, 2).split(0.25, 1);
        SplittableRandom rng = new SplittableRandom(3);
        Sequential mlp = new Sequential(new Linear(2, 32, true, rng), new Tanh(), new Linear(32, 2, true, rng));
        fit(mlp, s.train(), 60, 1e-2);
        double acc = accuracy(mlp, s.test());
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }
}

package org.javadl.train;

/**
 * What one epoch of training gave (epochs are numbered from 1): the mean training loss over its minibatches (weighted by batch
 * size), the training accuracy of those batches' predictions (NaN unless the model classifies), the
 * same two on the validation set after the epoch (NaN without one), the learning rate used, and the
 * wall-clock seconds the epoch took.
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, double seconds) {
}

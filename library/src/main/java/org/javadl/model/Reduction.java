package org.javadl.model;

/** How per-point losses are combined: summed (as homework 004 writes L) or averaged. */
public enum Reduction {
    /** L = Σ_i ℓ_i. */
    SUM,
    /** L = (1/I) Σ_i ℓ_i. */
    MEAN
}

/**
 * Per-offer acceptance models learned from feedback: a Bayesian logistic regression per offer
 * (full-covariance Gaussian posterior, updated online by a Laplace step, whose factor per outcome can be
 * divided out again when the person is erased), their durable state, and the learner that applies each
 * outcome once. No Vert.x, no grid: {@code decide} samples from these models and the feedback path feeds them.
 */
package io.kairos.engine.learn;

package io.kairos.engine.evaluate;

/**
 * One logged decision, reduced to what the estimators need.
 *
 * @param reward the observed reward of the logged action (a click, an acceptance, revenue)
 * @param weight target policy's probability of the logged action ÷ the logging policy's
 * @param predicted the reward model's estimate for the logged action
 * @param predictedTarget the reward model's estimate averaged over the target policy's actions
 */
public record LoggedRound(double reward, double weight, double predicted, double predictedTarget) {}

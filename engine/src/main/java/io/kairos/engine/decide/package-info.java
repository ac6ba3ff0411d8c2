/**
 * Decisions: the offer catalog with CEL eligibility conditions, ranking of eligible offers by
 * propensity × value, explanations, and the decision log that feedback joins.
 */
package io.kairos.engine.decide;

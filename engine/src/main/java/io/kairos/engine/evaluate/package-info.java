/**
 * Offline evaluation of decision policies: off-policy estimators (IPS, self-normalized IPS,
 * doubly robust) over logged bandit feedback, from the engine's own decision log or the Open
 * Bandit Dataset, and the replay of the Hillstrom randomized e-mail experiment through the
 * engine's decide and feedback path. Commands under {@code bin/kairos policy}.
 */
package io.kairos.engine.evaluate;

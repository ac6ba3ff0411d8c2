/**
 * Training sets from the engine's own event history: features of every profile as of a cut-off
 * time (folded with the live path's updater, nothing from after the cut-off) and whether the person
 * purchased within a horizon after it, written as CSV for the propensity commands.
 */
package io.kairos.engine.history;

/**
 * Purchase propensity: feature specification, preprocessing fitted on training data, a DJL
 * multilayer perceptron (PyTorch engine, offline), evaluation metrics and thread-safe serving.
 * A plain synchronous library with its own CLI ({@link io.kairos.models.cli.PropensityCli});
 * it knows nothing of Vert.x or the engine.
 */
package io.kairos.models;

package io.kairos.models;

/** One input column of a model and how it is encoded. */
public record FeatureColumn(String name, FeatureKind kind) {}

package io.kairos.nlp;

/** One labelled training or evaluation example. */
public record LabeledText(String text, String label) {}

package io.kairos.engine.profile;

/** One product line in the current cart. */
public record CartItem(String productId, long quantity, double price) implements java.io.Serializable {}

package io.kairos.engine.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The interaction kinds Kairos understands natively. */
public enum StandardEventKind implements EventKind {
  PAGE_VIEW, PRODUCT_VIEW, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, EMAIL_OPEN, EMAIL_CLICK,
  REVIEW, SOCIAL_COMMENT, SUPPORT_TICKET, CALL_NOTE, EMAIL_REPLY, IDENTIFY;

  private static final Map<String, StandardEventKind> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StandardEventKind::wireName, Function.identity()));

  @Override
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StandardEventKind byWireName(String wireName) {
    return BY_WIRE_NAME.get(wireName);
  }
}

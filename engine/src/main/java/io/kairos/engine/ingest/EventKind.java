package io.kairos.engine.ingest;

/** What kind of interaction an event records: one of the standard kinds or a custom one. */
public sealed interface EventKind permits StandardEventKind, CustomEventKind {

  /** The wire name, e.g. {@code product_view}. */
  String wireName();

  static EventKind of(String wireName) {
    StandardEventKind standard = StandardEventKind.byWireName(wireName);
    return standard != null ? standard : new CustomEventKind(wireName);
  }
}

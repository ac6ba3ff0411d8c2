package io.kairos.engine.identity;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Links an identifier to {@code candidate} unless it is linked already; returns the owner either way. */
public record ClaimIdentityProcessor(String candidate) implements EntryProcessor<String, String, String> {

  @Override
  public String process(Map.Entry<String, String> entry) {
    String owner = entry.getValue();
    if (owner != null) {
      return owner;
    }
    entry.setValue(candidate);
    return candidate;
  }
}

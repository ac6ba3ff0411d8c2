package io.kairos.engine.identity;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Points an identifier link from a merged-away profile to its survivor; links to anyone else are left alone. */
public record RelinkProcessor(String from, String to) implements EntryProcessor<String, String, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, String> entry) {
    if (!from.equals(entry.getValue())) {
      return false;
    }
    entry.setValue(to);
    return true;
  }
}

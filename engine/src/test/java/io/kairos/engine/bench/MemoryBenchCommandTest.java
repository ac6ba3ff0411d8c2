package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBenchCommandTest {

  private static final String SCRAPE = """
      # TYPE kairos_start_snapshot_profiles gauge
      kairos_start_snapshot_profiles 100000.0
      # TYPE kairos_grid_map_memory_bytes gauge
      kairos_grid_map_memory_bytes{map="identity_links",role="owned"} 7.25E7
      kairos_grid_map_memory_bytes{map="profiles",role="owned"} 5.4E7
      """;

  @Test
  void readsAnUntaggedGaugeFromItsOwnLine() {
    // the old pattern let the optional tag group run on to a later line's "}" and read 7.25E7 here
    assertThat(MemoryBenchCommand.metric(SCRAPE, "kairos_start_snapshot_profiles")).isEqualTo(100_000);
  }

  @Test
  void readsATaggedGaugeByItsLeadingTags() {
    assertThat(MemoryBenchCommand.metric(SCRAPE, "kairos_grid_map_memory_bytes{map=\"profiles\"")).isEqualTo(54_000_000);
    assertThat(MemoryBenchCommand.metric(SCRAPE, "kairos_grid_map_entries{map=\"profiles\"")).isEqualTo(-1);
  }
}

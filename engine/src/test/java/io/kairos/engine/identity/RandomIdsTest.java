package io.kairos.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

  @Test
  void timeOrderedIdsAreVersion7UuidsThatSortByTheirMillisecond() {
    long at = 1_796_312_268_981L;
    UUID id = UUID.fromString(RandomIds.timeOrdered(at));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).as("the millisecond").isEqualTo(at);
    String earlier = RandomIds.timeOrdered(at - 1);
    String later = RandomIds.timeOrdered(at + 1);
    assertThat(earlier.compareTo(id.toString())).as("as text too").isNegative();
    assertThat(later.compareTo(id.toString())).isPositive();
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      many.add(RandomIds.timeOrdered(at));
    }
    assertThat(many).as("unique within one millisecond").hasSize(100_000);
  }

  @Test
  void randomIdsAreVersion4() {
    assertThat(UUID.fromString(RandomIds.uuid()).version()).isEqualTo(4);
  }
}

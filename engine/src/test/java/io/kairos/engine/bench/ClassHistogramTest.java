package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

  @Test
  void listsTheClassesThatGrewMostPerUnit() {
    ClassHistogram before = ClassHistogram.parse("""
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:          1000          64000  [B (java.base@17.0.15)
           2:            10            320  java.lang.String (java.base@17.0.15)
        """);
    ClassHistogram after = ClassHistogram.parse("""
           1:          3000         264000  [B (java.base@17.0.15)
           2:          2010          48320  java.lang.String (java.base@17.0.15)
           3:             5            100  com.example.Rare
        Total          5015         312420
        """);
    var top = after.largestGrowth(before, 2, 1000);
    assertThat(top).hasSize(2);
    assertThat(top.getJsonObject(0)).isEqualTo(new JsonObject().put("class", "[B").put("bytes_per", 200.0).put("instances_per", 2.0));
    assertThat(top.getJsonObject(1).getString("class")).isEqualTo("java.lang.String");
    assertThat(top.getJsonObject(1).getDouble("bytes_per")).isEqualTo(48.0);
  }

  @Test
  void readsThisJvmsOwnHistogram() throws Exception {
    assertThat(ClassHistogram.take().byClass()).containsKey("java.lang.String");
  }
}

package io.kairos.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.KairosException;
import io.kairos.engine.error.PayloadTooLargeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  final EventParser parser = new EventParser(new KairosConfig.Server("127.0.0.1", 0, 1, 1 << 20, 1000, 200),
      Clock.fixed(NOW, ZoneOffset.UTC));

  static JsonObject event() {
    return new JsonObject().put("type", "product_view").put("messageId", "m-1").put("timestamp", "2026-11-23T10:00:00Z")
        .put("channel", "web").put("identifiers", new JsonObject().put("anonymousId", "a-1").put("email", "ann@example.com"))
        .put("properties", new JsonObject().put("productId", "p-9").put("price", 59.9).put("qty", 2));
  }

  List<Event> parse(Object json) {
    return parser.parse(Buffer.buffer(json.toString()));
  }

  KairosException reject(Object json) {
    try {
      parse(json);
    } catch (KairosException e) {
      return e;
    }
    throw new AssertionError("expected rejection of " + json);
  }

  @Test
  void parsesTheBriefsEventShape() {
    Event e = parse(event()).get(0);
    assertThat(e.kind()).isEqualTo(StandardEventKind.PRODUCT_VIEW);
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(e.identifiers()).containsEntry("anonymousId", "a-1");
    assertThat(e.properties().get("qty")).isEqualTo(2L);
    assertThat(e.numberProperty("price")).isEqualTo(59.9);
  }

  @Test
  void defaultsTimestampMessageIdAndChannelAndAcceptsCustomTypes() {
    Event e = parse(new JsonObject().put("type", "store_visit").put("identifiers", new JsonObject().put("userId", "u"))).get(0);
    assertThat(e.kind()).isEqualTo(new CustomEventKind("store_visit"));
    assertThat(e.timestamp()).isEqualTo(NOW);
    assertThat(e.messageId()).isNotBlank();
    assertThat(e.channel()).isEqualTo("unknown");
  }

  @Test
  void namesTheFieldAndIndexOfTheFirstBadEvent() {
    JsonArray batch = new JsonArray().add(event()).add(event()).add(event().put("timestamp", 12)).add(event());
    KairosException e = reject(new JsonObject().put("batch", batch));
    assertThat(e).isInstanceOf(InvalidInputException.class);
    assertThat(e.field()).isEqualTo("batch[2].timestamp");
    assertThat(e.getMessage()).contains("string");
  }

  @Test
  void rejectsWrongTypesMissingIdentifiersAndUnknownFields() {
    assertThat(reject(event().put("properties", "x")).field()).isEqualTo("properties");
    assertThat(reject(event().put("identifiers", new JsonObject().put("email", "a@b.c"))).field()).isEqualTo("identifiers");
    assertThat(reject(event().put("identifiers", new JsonObject().put("userId", 5))).field()).isEqualTo("identifiers.userId");
    assertThat(reject(event().put("colour", "red")).field()).isEqualTo("colour");
    assertThat(reject(event().put("type", "Page View")).field()).isEqualTo("type");
    assertThat(reject(event().put("timestamp", "yesterday")).field()).isEqualTo("timestamp");
    assertThat(reject(event().put("timestamp", "2026-11-25T12:00:00Z")).getMessage()).contains("future");
    JsonObject noType = event();
    noType.remove("type");
    assertThat(reject(noType).field()).isEqualTo("type");
  }

  @Test
  void rejectsMalformedAndNonObjectBodies() {
    assertThatThrownBy(() -> parser.parse(Buffer.buffer("{\"type\": "))).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((KairosException) e).code()).isEqualTo("invalid_json");
    assertThatThrownBy(() -> parser.parse(Buffer.buffer("[1,2]"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> parser.parse(Buffer.buffer(""))).isInstanceOf(InvalidInputException.class);
    assertThat(reject(new JsonObject().put("batch", "nope")).field()).isEqualTo("batch");
    assertThat(reject(new JsonObject().put("batch", new JsonArray().add(1))).field()).isEqualTo("batch[0]");
  }

  @Test
  void emptyBatchIs400AndTooManyEventsIs413() {
    KairosException empty = reject(new JsonObject().put("batch", new JsonArray()));
    assertThat(empty).isInstanceOf(InvalidInputException.class);
    assertThat(empty.code()).isEqualTo("empty_batch");
    JsonArray big = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      big.add(event());
    }
    KairosException tooMany = reject(new JsonObject().put("batch", big));
    assertThat(tooMany).isInstanceOf(PayloadTooLargeException.class);
    assertThat(tooMany.code()).isEqualTo("batch_too_large");
    big.remove(0);
    assertThat(parse(new JsonObject().put("batch", big))).hasSize(1000);
  }

  @Test
  void textOverTheLimitIs413WithItsField() {
    KairosException e = reject(new JsonObject().put("batch", new JsonArray().add(event()).add(event().put("text", "x".repeat(201)))));
    assertThat(e).isInstanceOf(PayloadTooLargeException.class);
    assertThat(e.field()).isEqualTo("batch[1].text");
  }
}

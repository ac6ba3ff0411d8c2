package io.kairos.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.TestEngines;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.identity.IdentifierCleaner;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.KairosException;
import io.kairos.engine.error.PayloadTooLargeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final KairosConfig CONFIG = TestEngines.config(Path.of("target/unused"),
      Map.of("server.maxTextChars", "200", "identity.customTypes", "loyaltyId"));
  final EventParser parser = new EventParser(CONFIG, new IdentifierCleaner(CONFIG.identity()), Clock.fixed(NOW, ZoneOffset.UTC));

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
    assertThat(e.messageId()).as("no messageId: the event is not deduplicated").isNull();
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
    assertThat(reject(event().put("identifiers", new JsonObject())).code()).isEqualTo("no_valid_identifier");
    assertThat(reject(event().put("identifiers", "u")).field()).isEqualTo("identifiers");
    JsonObject noIds = event();
    noIds.remove("identifiers");
    assertThat(reject(noIds).field()).isEqualTo("identifiers");
    assertThat(reject(event().put("identifiers", new JsonObject().put("userId", 5))).field()).isEqualTo("identifiers.userId");
    for (String hostile : List.of("\u0000merged", "u-1\u0007", "a\u009bb")) { // NUL (the sealed-slot marker), BEL, a C1 control
      KairosException control = reject(event().put("identifiers", new JsonObject().put("userId", hostile)));
      assertThat(control.field()).isEqualTo("identifiers.userId");
      assertThat(control.getMessage()).contains("control characters");
    }
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

  @Test
  void cleansIdentifiersAndKeepsInvalidOnesFlagged() {
    Event e = parse(event().put("identifiers", new JsonObject().put("email", "  Ann.Lee@Example.COM ")
        .put("phone", "(415) 555-0100").put("loyaltyId", " L-7 "))).get(0);
    assertThat(e.identifiers()).containsEntry("email", "ann.lee@example.com").containsEntry("phone", "+14155550100")
        .containsEntry("loyaltyId", "L-7");
    assertThat(e.invalidIdentifiers()).isEmpty();

    Event flagged = parse(event().put("identifiers", new JsonObject().put("userId", "u-1").put("email", "n/a")
        .put("phone", "12"))).get(0);
    assertThat(flagged.identifiers()).containsOnlyKeys("userId");
    assertThat(flagged.invalidIdentifiers()).containsEntry("email", "n/a").containsEntry("phone", "12");

    KairosException onlyInvalid = reject(event().put("identifiers", new JsonObject().put("email", "not an address")));
    assertThat(onlyInvalid.code()).isEqualTo("no_valid_identifier");
    assertThat(onlyInvalid.getMessage()).contains("email");
  }

  @Test
  void refusesUnknownTypesIdentifierSpamAndOversizedValues() {
    KairosException unknown = reject(event().put("identifiers", new JsonObject().put("userId", "u").put("shoeSize", "9")));
    assertThat(unknown.code()).isEqualTo("unknown_identifier_type");
    assertThat(unknown.field()).isEqualTo("identifiers.shoeSize");
    JsonObject spam = new JsonObject();
    for (int i = 0; i < 5000; i++) {
      spam.put("id" + i, "v" + i);
    }
    assertThat(reject(event().put("identifiers", spam)).code()).isEqualTo("too_many_identifiers");
    assertThat(reject(event().put("identifiers", new JsonObject().put("userId", "x".repeat(257)))).field())
        .isEqualTo("identifiers.userId");
    assertThat(reject(event().put("identifiers", new JsonObject().put("userId", "   "))).field()).isEqualTo("identifiers.userId");
  }

  @Test
  void readsConsentsAndRefusesUnknownPurposesOrStatuses() {
    Event e = parse(event().put("consents", new JsonObject().put("marketing_email", "denied").put("analytics", "granted"))).get(0);
    assertThat(e.consents()).containsEntry("marketing_email", "denied").containsEntry("analytics", "granted");
    assertThat(reject(event().put("consents", new JsonObject().put("telepathy", "granted"))).code())
        .isEqualTo("unknown_consent_purpose");
    assertThat(reject(event().put("consents", new JsonObject().put("analytics", "maybe"))).field()).isEqualTo("consents.analytics");
    assertThat(reject(event().put("consents", new JsonObject().put("analytics", true))).field()).isEqualTo("consents.analytics");
    assertThat(reject(event().put("consents", "all")).field()).isEqualTo("consents");
  }

  @Test
  void traitsAreTrimmedAndDeclaredOnesTypeChecked() {
    Event e = parse(event().put("traits", new JsonObject().put("tier", "  gold ").put("age", "41").put("vip", "TRUE")
        .put("birthday", "1985-03-02T00:00:00+01:00").put("score", 7))).get(0);
    assertThat(e.traits()).containsEntry("tier", "gold").containsEntry("age", 41L).containsEntry("vip", true)
        .containsEntry("birthday", "1985-03-02").containsEntry("score", 7L);
    assertThat(parse(event().put("traits", new JsonObject().put("age", 41.5))).get(0).traits()).containsEntry("age", 41.5);
    KairosException age = reject(event().put("traits", new JsonObject().put("age", "forty")));
    assertThat(age.code()).isEqualTo("invalid_trait");
    assertThat(age.field()).isEqualTo("traits.age");
    assertThat(reject(event().put("traits", new JsonObject().put("vip", "yes"))).field()).isEqualTo("traits.vip");
    assertThat(reject(event().put("traits", new JsonObject().put("birthday", "02/03/1985"))).field()).isEqualTo("traits.birthday");
    assertThat(reject(event().put("traits", new JsonObject().put("age", new JsonObject()))).field()).isEqualTo("traits.age");
    assertThat(reject(new JsonObject().put("batch", new JsonArray().add(event())
        .add(event().put("traits", new JsonObject().put("bio", "x".repeat(1001)))))).field()).isEqualTo("batch[1].traits.bio");
  }
}

package io.kairos.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCheckTest {

  static final long H = 3_600_000L;
  static final long NOW = 1_000 * H;

  static Contact served(String offer, String group, String channel, long hoursAgo) {
    return new Contact(offer, group, channel, Contact.Kind.SERVED, NOW - hoursAgo * H);
  }

  static ContactHistory history(Contact... contacts) {
    return ContactHistory.EMPTY.with(List.of(contacts), NOW);
  }

  @Test
  void capsCountServedOffersPerOfferGroupAndChannelWithinTheirWindow() {
    OfferContactRules twoPerDay = new OfferContactRules(List.of(new Cap(2, 24)), null, null, null);
    ContactHistory h = history(served("a", "g", "web", 30), served("a", "g", "web", 5), served("b", "g", "email", 1));
    assertThat(ContactCheck.suppressed("a", "g", twoPerDay, "web", ContactPolicy.NONE, h, 0, NOW)).as("one inside the window").isNull();
    ContactHistory more = h.with(List.of(served("a", "g", "web", 2)), NOW);
    assertThat(ContactCheck.suppressed("a", "g", twoPerDay, "web", ContactPolicy.NONE, more, 0, NOW))
        .contains("capped").contains("this offer was offered 2 times in the last 24 h").contains("next possible in 19 h");

    ContactPolicy groupAndChannel = new ContactPolicy(0, 0, 0, Map.of("g", List.of(new Cap(3, 48))), Map.of("email", List.of(new Cap(1, 24))));
    assertThat(ContactCheck.suppressed("c", "g", OfferContactRules.NONE, "web", groupAndChannel, h, 0, NOW)).contains("group g");
    assertThat(ContactCheck.suppressed("d", null, OfferContactRules.NONE, "email", groupAndChannel, h, 0, NOW)).contains("channel email");
    assertThat(ContactCheck.suppressed("d", null, OfferContactRules.NONE, "web", groupAndChannel, h, 0, NOW)).isNull();
  }

  @Test
  void cooldownAfterRejectSuppressionAfterAcceptOrPurchase() {
    ContactHistory h = history(new Contact("a", null, "web", Contact.Kind.REJECTED, NOW - 10 * H),
        new Contact("b", null, "web", Contact.Kind.ACCEPTED, NOW - 100 * H));
    ContactPolicy defaults = new ContactPolicy(0, 72, 24 * 30, Map.of(), Map.of());
    assertThat(ContactCheck.suppressed("a", null, OfferContactRules.NONE, "web", defaults, h, 0, NOW))
        .isEqualTo("contact policy: rejected 10 h ago; cooldown 72 h after a reject");
    OfferContactRules shortCooldown = new OfferContactRules(List.of(), 8.0, null, null);
    assertThat(ContactCheck.suppressed("a", null, shortCooldown, "web", defaults, h, 0, NOW)).as("the offer's own cooldown wins").isNull();
    assertThat(ContactCheck.suppressed("b", null, OfferContactRules.NONE, "web", defaults, h, 0, NOW)).contains("accepted 4 d ago");
    assertThat(ContactCheck.suppressed("b", null, OfferContactRules.NONE, "web", ContactPolicy.NONE, h, 0, NOW)).isNull();
    OfferContactRules afterPurchase = new OfferContactRules(List.of(), null, null, 24.0);
    assertThat(ContactCheck.suppressed("c", null, afterPurchase, "web", ContactPolicy.NONE, h, NOW - 90 * 60_000L, NOW))
        .isEqualTo("contact policy: purchased 90 min ago; suppressed 24 h after a purchase");
    assertThat(ContactCheck.suppressed("c", null, afterPurchase, "web", ContactPolicy.NONE, h, NOW - 25 * H, NOW)).isNull();
  }

  @Test
  void theGlobalDailyCapCountsEveryServedOfferOfTheLastDay() {
    ContactPolicy fivePerDay = new ContactPolicy(5, 0, 0, Map.of(), Map.of());
    ContactHistory h = history(served("a", null, "web", 30), served("a", null, "web", 3), served("b", null, "email", 2),
        served("c", null, "call_center", 1));
    assertThat(ContactCheck.remainingToday(fivePerDay, h, NOW)).isEqualTo(2);
    assertThat(ContactCheck.remainingToday(ContactPolicy.NONE, h, NOW)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void historiesForgetOldContactsAndStayBounded() {
    ContactHistory h = history(served("old", null, "web", 24 * 91), served("new", null, "web", 1));
    assertThat(h.contacts()).extracting(Contact::offerId).containsExactly("new");
    Contact[] many = new Contact[ContactHistory.MAX_CONTACTS + 20];
    for (int i = 0; i < many.length; i++) {
      many[i] = new Contact("o" + i, null, "web", Contact.Kind.SERVED, NOW - many.length + i);
    }
    ContactHistory bounded = history(many);
    assertThat(bounded.contacts()).hasSize(ContactHistory.MAX_CONTACTS);
    assertThat(bounded.contacts().get(bounded.contacts().size() - 1).offerId()).isEqualTo("o" + (many.length - 1));
    assertThat(new RecordContacts(List.of(served("x", null, "web", 0)), NOW)).isNotNull();
  }
}

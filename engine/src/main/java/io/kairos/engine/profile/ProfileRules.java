package io.kairos.engine.profile;

import java.io.Serializable;

/** Shape limits applied by {@link ProfileUpdater}: how many recent interactions and when a session ends. */
public record ProfileRules(int recentInteractions, long sessionTimeoutMillis) implements Serializable {

  public static final long MAX_PAGE_SECONDS = 30 * 60;
}

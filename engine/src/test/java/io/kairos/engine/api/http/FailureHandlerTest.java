package io.kairos.engine.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.error.KairosException;
import io.kairos.engine.error.UnavailableException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {

  @Test
  void aRefusedWorkerTaskDuringShutdownIsA503NotAnInternalError() {
    Throwable mapped = FailureHandler.known(new RejectedExecutionException("pool terminated"));
    assertThat(mapped).isInstanceOf(UnavailableException.class);
    assertThat(((KairosException) mapped).code()).isEqualTo("shutting_down");
    assertThat(FailureHandler.statusOf((KairosException) mapped)).isEqualTo(503);
    IllegalStateException other = new IllegalStateException("x");
    assertThat(FailureHandler.known(other)).isSameAs(other);
  }
}

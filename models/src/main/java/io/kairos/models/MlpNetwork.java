package io.kairos.models;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** The propensity network: ReLU hidden layers and one logit output. */
final class MlpNetwork {

  private MlpNetwork() {}

  static SequentialBlock build(List<Integer> hidden) {
    SequentialBlock net = new SequentialBlock();
    for (int units : hidden) {
      net.add(Linear.builder().setUnits(units).build());
      net.add(Activation.reluBlock());
    }
    net.add(Linear.builder().setUnits(1).build());
    return net;
  }
}

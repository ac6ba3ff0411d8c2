package io.kairos.engine.decide;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.kairos.engine.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The context vector the offer models learn over: an intercept (1) followed by one value per
 * configured CEL expression, evaluated over the same activation as offer conditions. A number is
 * taken as is, a boolean as 1 or 0; an expression that fails for a person (a missing key) or gives
 * something else contributes 0, so one odd profile never fails a decision.
 */
public final class LearningFeatures {

  private static final CelCompiler COMPILER = OfferCondition.compiler(SimpleType.DYN);

  private final List<String> sources;
  private final List<CelRuntime.Program> programs;

  private LearningFeatures(List<String> sources, List<CelRuntime.Program> programs) {
    this.sources = List.copyOf(sources);
    this.programs = List.copyOf(programs);
  }

  /** Compiles the expressions; a broken one stops the start with its index and CEL position. */
  public static LearningFeatures compile(List<String> sources) {
    List<CelRuntime.Program> programs = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String field = "learning.features[" + i + "]";
      try {
        programs.add(OfferCondition.RUNTIME.createProgram(COMPILER.compile(sources.get(i)).getAst()));
      } catch (CelValidationException | CelEvaluationException e) {
        throw new ConfigException(field + ": does not compile: " + e.getMessage(), field);
      }
    }
    return new LearningFeatures(sources, programs);
  }

  public List<String> sources() {
    return sources;
  }

  /** Values including the intercept: one more than there are expressions. */
  public int dimensions() {
    return programs.size() + 1;
  }

  public double[] of(Map<String, Object> activation) {
    double[] x = new double[programs.size() + 1];
    x[0] = 1;
    for (int i = 0; i < programs.size(); i++) {
      x[i + 1] = value(programs.get(i), activation);
    }
    return x;
  }

  private static double value(CelRuntime.Program program, Map<String, Object> activation) {
    Object v;
    try {
      v = program.eval(activation);
    } catch (CelEvaluationException e) {
      return 0;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : 0;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return 0;
  }
}

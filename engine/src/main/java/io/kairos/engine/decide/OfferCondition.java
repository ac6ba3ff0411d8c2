package io.kairos.engine.decide;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A compiled CEL condition. Compilation happens once, at catalog load, and a condition that does
 * not compile or is not boolean is rejected with its position. Evaluation is thread-safe.
 */
public final class OfferCondition {

  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final CelCompiler COMPILER = compiler(SimpleType.BOOL);
  static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  /** CEL's newer planner runtime: not used by decide (slower on our activation), kept for {@code policy bench-conditions}. */
  private static final class Planner {
    static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();
  }

  /** A compiler for expressions over the decide activation ({@code profile}, {@code context}, {@code channel}, {@code placement}). */
  static CelCompiler compiler(CelType result) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("profile", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar("context", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar("channel", SimpleType.STRING)
        .addVar("placement", SimpleType.STRING)
        .setResultType(result)
        .build();
  }

  private final String source;
  private final CelRuntime.Program program;
  private final String held;
  private final String notMet;

  private OfferCondition(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
    this.held = "condition held: " + source;
    this.notMet = "condition not met: " + source;
  }

  /** Compiles a condition; the exception message names the line and column of each problem. */
  public static OfferCondition compile(String source) throws InvalidConditionException {
    return compile(source, false);
  }

  /** Compiles a condition for the standard runtime or, with {@code planner}, for CEL's planner runtime (benchmarks only). */
  public static OfferCondition compile(String source, boolean planner) throws InvalidConditionException {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
      return new OfferCondition(source, (planner ? Planner.RUNTIME : RUNTIME).createProgram(ast));
    } catch (CelValidationException e) {
      throw new InvalidConditionException(e.getMessage());
    } catch (CelEvaluationException e) {
      throw new InvalidConditionException(e.getMessage());
    }
  }

  /**
   * The variables conditions read, in the form CEL evaluates without copying: given any other map,
   * CEL copies it into an immutable one on every evaluation, which for a few hundred conditions per
   * decision cost more than evaluating them. Null values are dropped, as CEL's copy drops them.
   */
  public static Map<String, Object> activation(Map<String, Object> variables) {
    ImmutableMap.Builder<String, Object> b = ImmutableMap.builderWithExpectedSize(variables.size());
    variables.forEach((k, v) -> {
      if (v != null) {
        b.put(k, v);
      }
    });
    return b.buildOrThrow();
  }

  /** True when the condition holds; throws when it cannot be evaluated (for example a missing map key). */
  public boolean test(Map<String, Object> activation) throws CelEvaluationException {
    return Boolean.TRUE.equals(program.eval(activation));
  }

  public String source() {
    return source;
  }

  /** The explanation when it holds ({@code condition held: <source>}), built once. */
  public String heldReason() {
    return held;
  }

  /** The explanation when it does not ({@code condition not met: <source>}), built once. */
  public String notMetReason() {
    return notMet;
  }

  @Override
  public String toString() {
    return source;
  }

  /** A condition that does not compile. */
  public static final class InvalidConditionException extends Exception {
    public InvalidConditionException(String message) {
      super(message);
    }
  }
}

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
import java.util.Map;

/**
 * A compiled CEL condition. Compilation happens once, at catalog load, and a condition that does
 * not compile or is not boolean is rejected with its position. Evaluation is thread-safe.
 */
public final class OfferCondition {

  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final CelCompiler COMPILER = compiler(SimpleType.BOOL);
  static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

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

  private OfferCondition(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
  }

  /** Compiles a condition; the exception message names the line and column of each problem. */
  public static OfferCondition compile(String source) throws InvalidConditionException {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
      return new OfferCondition(source, RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      throw new InvalidConditionException(e.getMessage());
    } catch (CelEvaluationException e) {
      throw new InvalidConditionException(e.getMessage());
    }
  }

  /** True when the condition holds; throws when it cannot be evaluated (for example a missing map key). */
  public boolean test(Map<String, Object> activation) throws CelEvaluationException {
    return Boolean.TRUE.equals(program.eval(activation));
  }

  public String source() {
    return source;
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

package io.kairos.engine.evaluate;

import io.kairos.engine.error.KairosException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kairos policy}: offline evaluation of decision policies. Errors exit 2 with one line. */
@Command(name = "policy", mixinStandardHelpOptions = true, subcommands = {PolicyEvaluateCommand.class, HillstromReplayCommand.class, DecideBenchCommand.class,
    ConditionBenchCommand.class},
    description = "Evaluate decision policies offline.")
public final class PolicyCli {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new PolicyCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof KairosException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cli.execute(args));
  }
}

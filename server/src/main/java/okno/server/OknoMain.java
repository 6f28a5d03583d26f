package okno.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code okno} command line. Each subcommand is its own class listed in {@code subcommands};
 * the top command alone only explains itself. Exit codes: 0 success, 2 bad usage or bad configuration.
 */
@Command(name = "okno", mixinStandardHelpOptions = true, version = "okno 0.1.0",
    description = "Electronic queue for a city network of public service centres.",
    subcommands = {ServeCommand.class, SimulateCommand.class, ReplayCommand.class})
public final class OknoMain implements Runnable
{
    /** Exit code for a command line or configuration the user has to fix. */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** @return the command line, ready to {@link CommandLine#execute(String...)}; used by tests in-process. */
    public static CommandLine commandLine()
    {
        return new CommandLine(new OknoMain());
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }
}

package okno.server;

import okno.config.ConfigException;
import okno.config.ConfigProblem;
import okno.config.NetworkConfig;
import okno.config.NetworkLoader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Loads the network a subcommand runs on: the shipped demo network unless {@code --config} names a YAML file.
 * A file with problems is reported one problem per line, so every subcommand fails the same way (exit code 2).
 */
final class NetworkOption
{
    private NetworkOption()
    {
    }

    /**
     * @param file    the {@code --config} file, or null for the shipped network
     * @param shipped the shipped network to use without a file
     * @param err     where problems are reported
     * @param command subcommand name for the closing line, e.g. {@code okno serve}
     * @return the network, or null when problems were reported
     */
    static NetworkConfig load(final Path file, final Supplier<NetworkConfig> shipped, final PrintWriter err,
        final String command)
    {
        try
        {
            return file == null ? shipped.get() : NetworkLoader.fromFile(file);
        }
        catch (final ConfigException e)
        {
            for (final ConfigProblem problem : e.problems())
            {
                err.println(problem.format());
            }
            err.println(command + ": " + e.problems().size() + " problem(s) in the network configuration");
            return null;
        }
    }
}

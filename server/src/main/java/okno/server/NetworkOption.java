package okno.server;

import okno.config.ConfigException;
import okno.config.ConfigProblem;
import okno.config.NetworkConfig;
import okno.config.NetworkLoader;
import okno.config.Networks;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Loads the network a subcommand runs on: a shipped network by name unless {@code --config} names a YAML file.
 * A file with problems is reported one problem per line, and an unknown shipped name in one line, so every
 * subcommand fails the same way (exit code 2).
 */
final class NetworkOption
{
    private NetworkOption()
    {
    }

    /**
     * @param file    the {@code --config} file, or null for the shipped network
     * @param shipped name of the shipped network to use without a file ({@link Networks#byName})
     * @param err     where problems are reported
     * @param command subcommand name for the closing line, e.g. {@code okno serve}
     * @return the network, or null when problems were reported
     */
    static NetworkConfig load(final Path file, final String shipped, final PrintWriter err, final String command)
    {
        try
        {
            return file == null ? Networks.byName(shipped) : NetworkLoader.fromFile(file);
        }
        catch (final IllegalArgumentException e)
        {
            err.println(command + ": " + e.getMessage());
            return null;
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

package okno.server;

import okno.config.ConfigException;
import okno.config.ConfigProblem;
import okno.config.NetworkConfig;
import okno.config.NetworkLoader;
import okno.config.Networks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code okno serve}: loads the network (the shipped demo unless {@code --config} names a YAML file) and prints
 * its summary. A configuration with problems is reported one problem per line on stderr with exit code 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Load a network and serve it (the demo network when no --config is given).")
final class ServeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "network YAML file (default: the demo network)")
    private Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
        description = "directory for journal and snapshots (default: ${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
        description = "HTTP/JSON and WebSocket port (default: ${DEFAULT-VALUE})")
    private int httpPort;

    @Option(names = "--tcp-port", paramLabel = "PORT", defaultValue = "7070",
        description = "binary TCP protocol port (default: ${DEFAULT-VALUE})")
    private int tcpPort;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!isPort(httpPort) || !isPort(tcpPort))
        {
            err.println("okno serve: ports must be in 1..65535, got --http-port " + httpPort
                + " --tcp-port " + tcpPort);
            return OknoMain.EXIT_USAGE;
        }
        final NetworkConfig network;
        try
        {
            network = config == null ? Networks.demo() : NetworkLoader.fromFile(config);
        }
        catch (final ConfigException e)
        {
            for (final ConfigProblem problem : e.problems())
            {
                err.println(problem.format());
            }
            err.println("okno serve: " + e.problems().size() + " problem(s) in the network configuration");
            return OknoMain.EXIT_USAGE;
        }
        out.print(NetworkSummary.of(network));
        out.println("data directory " + data + ", HTTP port " + httpPort + ", TCP port " + tcpPort
            + " (servers not started yet)");
        out.flush();
        return 0;
    }

    private static boolean isPort(final int port)
    {
        return port >= 1 && port <= 65_535;
    }
}

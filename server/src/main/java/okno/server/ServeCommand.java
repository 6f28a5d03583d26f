package okno.server;

import okno.config.NetworkConfig;
import okno.engine.pipeline.PipelineStages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code okno serve}: loads the network (a shipped one, demo by default, unless {@code --config} names a YAML
 * file), prints its summary and tokens, recovers the state from {@code --data} and serves until SIGINT/SIGTERM. A
 * configuration with problems is reported one problem per line on stderr with exit code 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Load a network and serve it (the shipped demo network unless --network or --config says otherwise).")
final class ServeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "network YAML file (default: --network)")
    private Path config;

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "demo",
        description = "shipped network when no --config: demo or moscow (default: ${DEFAULT-VALUE})")
    private String networkName;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "base URL visitors reach this node at, printed as the QR code on slips "
            + "(default: http://HOST:HTTP-PORT)")
    private String publicUrl;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
        description = "directory for journal and snapshots (default: ${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
        description = "HTTP/JSON and WebSocket port (default: ${DEFAULT-VALUE})")
    private int httpPort;

    @Option(names = "--tcp-port", paramLabel = "PORT", defaultValue = "7070",
        description = "binary TCP protocol port (default: ${DEFAULT-VALUE})")
    private int tcpPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--stages", paramLabel = "auto|fused|parallel", defaultValue = "auto",
        description = "pipeline threads: fused (one engine thread), parallel (journal beside logic, then publisher) "
            + "or auto (parallel from 4 processors) (default: ${DEFAULT-VALUE})")
    private String stages;

    @Option(names = "--check", description = "validate the network, print its summary and exit without serving")
    private boolean check;

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!isPort(httpPort) || !isPort(tcpPort))
        {
            err.println("okno serve: ports must be in 1..65535, got --http-port " + httpPort
                + " --tcp-port " + tcpPort);
            return OknoMain.EXIT_USAGE;
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/\\s]+(/\\S*)?"))
        {
            err.println("okno serve: --public-url must be an http(s) URL such as http://okno.example:8080, got "
                + publicUrl);
            return OknoMain.EXIT_USAGE;
        }
        final PipelineStages pipelineStages;
        try
        {
            pipelineStages = "auto".equalsIgnoreCase(stages) ? null : PipelineStages.parse(stages);
        }
        catch (final IllegalArgumentException e)
        {
            err.println("okno serve: --stages must be auto, fused or parallel, got " + stages);
            return OknoMain.EXIT_USAGE;
        }
        final NetworkConfig network = NetworkOption.load(config, networkName, err, "okno serve");
        if (network == null)
        {
            return OknoMain.EXIT_USAGE;
        }
        out.print(NetworkSummary.of(network));
        out.flush();
        if (check)
        {
            out.println("data directory " + data + ", HTTP port " + httpPort + ", TCP port " + tcpPort
                + " (--check: configuration is valid, not serving)");
            out.flush();
            return 0;
        }
        final OknoServer server;
        try
        {
            server = OknoServer.start(new OknoServer.Settings(network, data, host, httpPort, tcpPort,
                System::currentTimeMillis, publicUrl == null ? null : stripSlash(publicUrl), pipelineStages));
        }
        catch (final IOException | RuntimeException e)
        {
            err.println("okno serve: cannot start: " + e.getMessage());
            return 1;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            server.close();
            stopped.countDown();
        }, "okno-shutdown"));
        out.println("recovered: " + server.recovery());
        out.println("okno is serving network '" + network.name() + "' from " + data.toAbsolutePath());
        out.println("  HTTP API     http://" + host + ":" + server.httpPort() + "/api/health");
        out.println("  web UIs      http://" + host + ":" + server.httpPort() + "/");
        out.println("  metrics      http://" + host + ":" + server.httpPort() + "/metrics");
        out.println("  binary TCP   " + host + ":" + server.tcpPort());
        out.println("Ctrl+C (SIGINT) or SIGTERM stops it cleanly with a final snapshot.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static boolean isPort(final int port)
    {
        return port >= 1 && port <= 65_535;
    }

    private static String stripSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package okno.server;

import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.engine.api.CommandType;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.pipeline.PipelineStages;
import okno.engine.pipeline.RecoveryReport;
import okno.engine.state.NetworkState;
import okno.protocol.api.HttpApi;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.binary.BinaryProtocolServer;
import okno.protocol.http.HttpApiHandler;
import okno.protocol.http.HttpApiServer;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;
import okno.protocol.http.RateLimiter;
import okno.protocol.metrics.MetricsEndpoint;
import okno.protocol.ws.EventJson;
import okno.protocol.ws.EventStreamEndpoint;
import okno.protocol.ws.EventStreamHub;
import okno.server.devices.ServerDevices;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One okno node: the engine on its journaled pipeline, the HTTP/JSON + WebSocket endpoint and the binary
 * TCP endpoint, and a ticker that moves engine time on while nobody sends commands (staff arrivals, the day
 * rollover). Lifecycle: {@link #start} once, {@link #close} any number of times (final snapshot on close).
 *
 * <pre>
 *  HTTP / WS (Netty) ──┐
 *  binary TCP (Netty) ─┤
 *  keypads, ratings ───┼─> PipelineGateway ─> ring ─> journal ∥ NetworkState ─> replies, EventStreamHub, metrics,
 *  ticker (1/s) ───────┘                                                        ServerDevices (serial drivers)
 * </pre>
 */
public final class OknoServer implements AutoCloseable
{
    /** Engine time moves on at least this often while the node is idle. */
    private static final long TICK_PERIOD_MS = 1000;

    private final EnginePipeline pipeline;
    private final HttpApiServer http;
    private final BinaryProtocolServer binary;
    private final ServerDevices devices;
    private final PipelineGateway gateway;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "okno-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private RecoveryReport recovery;
    private int httpPort;
    private int tcpPort;
    private boolean closed;

    private OknoServer(final Settings settings) throws IOException, InterruptedException
    {
        final NetworkConfig network = settings.network();
        final NetworkIndex index = new NetworkIndex(network);
        final JsonBodies json = new JsonBodies();
        final TokenAuthenticator authenticator = new TokenAuthenticator(network.tokens());

        pipeline = new EnginePipeline(pipelineConfig(settings), new NetworkState(network),
            settings.clock());
        final MetricsEndpoint metrics = new MetricsEndpoint(index, pipeline::remainingCapacity, pipeline::journalLag,
            this::openConnections);
        gateway = new PipelineGateway(pipeline, metrics);
        final EventStreamHub hub = new EventStreamHub(new EventJson(index), json.mapper(), network.centres().size());
        pipeline.addSubscriber(hub);
        pipeline.addSubscriber(metrics);
        devices = new ServerDevices(index, gateway, hub, metrics);
        pipeline.addSubscriber(devices);

        final HttpRouter router = HttpApi.router(gateway, index, json, new RateLimiter(5, 20), new RateLimiter(1, 10));
        metrics.register(router, gateway);
        StaticPages.register(router);
        devices.register(router);
        final EventStreamEndpoint streams = new EventStreamEndpoint(hub, HttpApi.streamSnapshots(gateway, index),
            authenticator, index);
        http = new HttpApiServer(new HttpApiHandler(router, authenticator, json, streams));
        binary = new BinaryProtocolServer(gateway, authenticator, index);
    }

    /** Recovery first (nothing is accepted before the journal is replayed), then devices, endpoints, ticker. */
    private void startAll(final Settings settings) throws IOException, InterruptedException
    {
        recovery = pipeline.start();
        httpPort = http.start(settings.host(), settings.httpPort());
        devices.start(settings.publicUrl() != null ? settings.publicUrl() : localUrl(settings.host(), httpPort));
        tcpPort = binary.start(settings.host(), settings.tcpPort());
        ticker.scheduleAtFixedRate(() -> gateway.submit(c -> c.type = CommandType.TICK, c -> { }),
            TICK_PERIOD_MS, TICK_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * What a node needs to start.
     *
     * @param network   the network
     * @param dataDir   journal and snapshots
     * @param host      address to bind (127.0.0.1 by default)
     * @param httpPort  HTTP port, 0 for any free one
     * @param tcpPort   binary protocol port, 0 for any free one
     * @param clock     wall clock that stamps commands at ingress
     * @param publicUrl base URL visitors reach the node at (printed as QR codes on slips), or null for the bound
     *                  address
     * @param stages    how the pipeline spreads its work over threads, or null for this machine's default
     */
    public record Settings(NetworkConfig network, Path dataDir, String host, int httpPort, int tcpPort,
        EpochClock clock, String publicUrl, PipelineStages stages)
    {
        /** Settings whose slips point at the bound address, with the machine's default stages. */
        public Settings(final NetworkConfig network, final Path dataDir, final String host, final int httpPort,
            final int tcpPort, final EpochClock clock)
        {
            this(network, dataDir, host, httpPort, tcpPort, clock, null, null);
        }

        /** @return these settings with other pipeline stages */
        public Settings withStages(final PipelineStages other)
        {
            return new Settings(network, dataDir, host, httpPort, tcpPort, clock, publicUrl, other);
        }
    }

    private static PipelineConfig pipelineConfig(final Settings settings)
    {
        final PipelineConfig defaults = PipelineConfig.defaults(settings.dataDir());
        return settings.stages() == null ? defaults : defaults.withStages(settings.stages());
    }

    /** @return the URL of the bound HTTP port; a wildcard address is replaced by this machine's name. */
    static String localUrl(final String host, final int port)
    {
        String name = host;
        if ("0.0.0.0".equals(host) || "::".equals(host))
        {
            try
            {
                name = InetAddress.getLocalHost().getHostName();
            }
            catch (final UnknownHostException ex)
            {
                name = "localhost";
            }
        }
        return "http://" + (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + port;
    }

    /**
     * Recovers the state from the data directory, then opens the endpoints. When any step fails (a port in use,
     * a damaged snapshot) everything already started is closed again before the exception propagates.
     */
    public static OknoServer start(final Settings settings) throws IOException, InterruptedException
    {
        final OknoServer server = new OknoServer(settings);
        try
        {
            server.startAll(settings);
            return server;
        }
        catch (final IOException | InterruptedException | RuntimeException ex)
        {
            server.close();
            throw ex;
        }
    }

    /** @return what recovery found at start-up. */
    public RecoveryReport recovery()
    {
        return recovery;
    }

    /** @return open HTTP, WebSocket and binary connections (scraped only once both endpoints are up). */
    private long openConnections()
    {
        return (long)http.openConnections() + binary.openConnections();
    }

    /** @return the bound HTTP port. */
    public int httpPort()
    {
        return httpPort;
    }

    /** @return the bound binary protocol port. */
    public int tcpPort()
    {
        return tcpPort;
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        http.close();
        binary.close();
        devices.close();
        pipeline.close();
    }
}

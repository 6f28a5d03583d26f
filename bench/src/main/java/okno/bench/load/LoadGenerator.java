package okno.bench.load;

import com.sun.management.OperatingSystemMXBean;
import okno.config.CentreDef;
import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.Networks;
import okno.config.StaffDef;
import okno.engine.pipeline.PipelineStages;
import okno.server.OknoServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Open-loop load generator for the binary protocol and the HTTP API, against a node it starts in-process
 * (demo network, fresh data directory, engine clock inside opening hours) or at a given address (a node
 * serving the demo network). Prints achieved throughput, latency percentiles and this process's CPU time per
 * answer (node and generator together when in-process) per offered rate.
 *
 * <pre>
 * LoadGenerator [--protocol binary|http] [--rates 10000,100000] [--seconds 10] [--warmup 3]
 *               [--connections 4] [--host 127.0.0.1 --port 7070]
 * </pre>
 */
public final class LoadGenerator
{
    /** Engine time of an in-process node starts on a Monday at 10:00 Moscow time, when every centre is open. */
    private static final long OPEN_MS = OffsetDateTime.parse("2026-11-23T10:00:00+03:00").toInstant().toEpochMilli();

    private LoadGenerator()
    {
    }

    /** Settings from the command line. */
    private record Options(String protocol, List<Double> rates, double seconds, double warmup, int connections,
        String host, int port, PipelineStages stages)
    {
        static Options parse(final String[] args)
        {
            String protocol = "binary";
            List<Double> rates = List.of(10_000.0, 100_000.0);
            double seconds = 10;
            double warmup = 3;
            int connections = 4;
            String host = null;
            int port = 0;
            PipelineStages stages = null;
            for (int i = 0; i + 1 < args.length; i += 2)
            {
                final String value = args[i + 1];
                switch (args[i])
                {
                    case "--protocol" -> protocol = value;
                    case "--rates" -> rates = java.util.Arrays.stream(value.split(",")).map(Double::valueOf).toList();
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    case "--warmup" -> warmup = Double.parseDouble(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--stages" -> stages = PipelineStages.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!protocol.equals("binary") && !protocol.equals("http"))
            {
                throw new IllegalArgumentException("--protocol must be binary or http");
            }
            return new Options(protocol, rates, seconds, warmup, connections, host, port, stages);
        }
    }

    public static void main(final String[] args) throws Exception
    {
        final Options options = Options.parse(args);
        final NetworkConfig network = Networks.demo();
        final PrintStream out = System.out;
        if (options.host() != null)
        {
            runAll(options, network, new InetSocketAddress(options.host(), options.port()), out);
            return;
        }
        final Path data = Files.createTempDirectory("okno-load");
        final long startMs = System.currentTimeMillis();
        try (OknoServer server = OknoServer.start(new OknoServer.Settings(network, data, "127.0.0.1", 0, 0,
            () -> OPEN_MS + System.currentTimeMillis() - startMs).withStages(options.stages())))
        {
            final int port = options.protocol().equals("binary") ? server.tcpPort() : server.httpPort();
            runAll(options, network, new InetSocketAddress("127.0.0.1", port), out);
        }
    }

    private static void runAll(final Options options, final NetworkConfig network, final InetSocketAddress target,
        final PrintStream out) throws IOException, InterruptedException
    {
        out.printf(Locale.ROOT, "%s protocol, %d connections, %s, %.0f s per rate (after %.0f s warm-up)%n",
            options.protocol(), options.connections(), target, options.seconds(), options.warmup());
        out.println("offered/s  achieved/s    answers  refused   p50 us   p90 us   p99 us  p99.9 us   max us  cpu us");
        // CPU of this process per answer: node and generator when the node runs in-process
        final OperatingSystemMXBean cpu = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        int round = 0;
        for (final double rate : options.rates())
        {
            if (options.warmup() > 0)
            {
                new OpenLoopRun(target, workload(options, network, round++), rate, options.warmup()).run();
            }
            final long cpuBeforeNs = cpu.getProcessCpuTime();
            final OpenLoopRun.Outcome outcome = new OpenLoopRun(target, workload(options, network, round++), rate,
                options.seconds()).run();
            final double cpuUsPerAnswer =
                (cpu.getProcessCpuTime() - cpuBeforeNs) / 1e3 / Math.max(1, outcome.answers());
            final Histogram h = outcome.latencyNs();
            out.printf(Locale.ROOT, "%9.0f %11.0f %10d %8d %8.0f %8.0f %8.0f %9.0f %8.0f %8.1f%n", rate,
                outcome.throughput(), outcome.answers(), outcome.refused(), us(h, 50), us(h, 90), us(h, 99),
                us(h, 99.9), h.getMaxValue() / 1e3, cpuUsPerAnswer);
        }
    }

    private static double us(final Histogram h, final double percentile)
    {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    /**
     * One protocol per connection. Binary: connection i works at centre i mod 4, at a window of its own that
     * it opens with a home staff member (round r uses the next windows, the earlier ones stay open).
     */
    private static List<LoadProtocol> workload(final Options options, final NetworkConfig network, final int round)
    {
        final NetworkIndex index = new NetworkIndex(network);
        final List<LoadProtocol> list = new ArrayList<>();
        final int centres = network.centres().size();
        for (int i = 0; i < options.connections(); i++)
        {
            final int centre = i % centres;
            final CentreDef def = network.centres().get(centre);
            if (options.protocol().equals("http"))
            {
                list.add(new HttpLoad(options.host() == null ? "127.0.0.1" : options.host(), def.id(), "display-demo"));
                continue;
            }
            final int slot = (round * options.connections() + i) / centres;
            final List<StaffDef> home = network.staff().stream().filter(s -> s.homeCentre().equals(def.id())).toList();
            final boolean fresh = slot < def.windows().size() && slot < home.size();
            final int window = fresh ? slot : slot % def.windows().size();
            final String service = def.windows().get(window).skills().keySet().iterator().next();
            list.add(new BinaryLoad("operator-demo", centre, window,
                fresh ? index.staff(home.get(slot).id()) : -1, index.service(service)));
        }
        return list;
    }
}

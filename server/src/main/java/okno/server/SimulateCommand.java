package okno.server;

import okno.config.NetworkConfig;
import okno.server.sim.CrossTraining;
import okno.server.sim.ErlangBound;
import okno.server.sim.PolicyReport;
import okno.server.sim.ShiftRules;
import okno.server.sim.SimPolicy;
import okno.server.sim.SimSettings;
import okno.server.sim.Simulation;
import okno.server.sim.UniversalSkills;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code okno simulate}: runs whole days of visitors through the real engine in virtual time for each policy,
 * prints the comparison table and writes a report directory (CSV, SVG plots, index.html). The network is
 * {@code moscow} (seed 42) unless {@code --config} names a YAML file or {@code --network} another shipped one.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate days of visitors through the engine and compare dispatch policies.")
final class SimulateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "network YAML file (default: --network)")
    private Path config;

    @Option(names = "--network", paramLabel = "NAME", defaultValue = "moscow",
        description = "shipped network when no --config: demo or moscow (default: ${DEFAULT-VALUE})")
    private String network;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1", description = "days (default: ${DEFAULT-VALUE})")
    private int days;

    @Option(names = "--policy", paramLabel = "NAME", split = ",",
        description = "fifo, okno, okno+balancer; repeat or comma-separate (default: all three)")
    private List<String> policies;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sim-report",
        description = "report directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--visitors", paramLabel = "N", description = "visitors on a Tuesday (default: 70,000 scaled "
        + "to the network's windows)")
    private Integer visitors;

    @Option(names = "--staffing", paramLabel = "BETA", defaultValue = "0.5",
        description = "square-root staffing margin beta (default: ${DEFAULT-VALUE})")
    private double staffing;

    @Option(names = "--no-breaks", description = "staff work without shifts and breaks (default: 12-hour shifts "
        + "with a 30-minute break in every 4 hours)")
    private boolean noBreaks;

    @Option(names = "--universal-skills", description = "every window serves every service of its centre "
        + "(universal specialists; default: the network's window skills)")
    private boolean universalSkills;

    @Option(names = "--cross-train", paramLabel = "N", defaultValue = "0", description = "centre staff are also "
        + "trained for the N agencies after their own (skills follow the person; default: ${DEFAULT-VALUE})")
    private int crossTrain;

    @Option(names = "--redirect", paramLabel = "SHARE", defaultValue = "0", description = "share of the visitors "
        + "told of a long wait who take okno's offer of a nearby centre, 0 to 1 (fifo's kiosk offers none; default: "
        + "${DEFAULT-VALUE})")
    private double redirect;

    @Option(names = "--leanest", description = "find per policy the leanest staffing that meets the goals "
        + "(mean wait <= 3 min, P(wait > 15 min) <= 1/2000) instead of using --staffing")
    private boolean leanest;

    @Option(names = "--surprise", paramLabel = "SIGMA", defaultValue = "0.2",
        description = "log-deviation of each centre's real demand from the schedule the staffing is planned on "
            + "(per centre and day, plus half of it per hour); 0: demand as scheduled (default: ${DEFAULT-VALUE})")
    private double surprise;

    @Option(names = "--standby", paramLabel = "N", description = "standby pool of okno+balancer, paid for whole "
        + "shifts (default: a quarter of the network's pool; --leanest searches it)")
    private Integer standby;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-03-04",
        description = "first local day, ISO (default: ${DEFAULT-VALUE}, a Tuesday)")
    private LocalDate start;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter stdout = spec.commandLine().getOut();
        final NetworkConfig net;
        final List<SimPolicy> chosen = new ArrayList<>();
        try
        {
            net = NetworkOption.load(config, network, err, "okno simulate");
            if (net == null)
            {
                return OknoMain.EXIT_USAGE;
            }
            for (final String name : policies == null ? List.of("fifo", "okno", "okno+balancer") : policies)
            {
                chosen.add(SimPolicy.byName(name));
            }
        }
        catch (final IllegalArgumentException e)
        {
            err.println("okno simulate: " + e.getMessage());
            return OknoMain.EXIT_USAGE;
        }
        if (days < 1 || days > 366)
        {
            err.println("okno simulate: --days must be 1..366, got " + days);
            return OknoMain.EXIT_USAGE;
        }
        if (surprise < 0 || surprise > 1 || standby != null && standby < 0 || redirect < 0 || redirect > 1)
        {
            err.println("okno simulate: --surprise and --redirect must be 0..1 and --standby >= 0");
            return OknoMain.EXIT_USAGE;
        }
        final NetworkConfig simulated;
        try
        {
            final NetworkConfig trained = CrossTraining.of(net, crossTrain);
            simulated = universalSkills ? UniversalSkills.of(trained) : trained;
        }
        catch (final IllegalArgumentException e)
        {
            err.println("okno simulate: --cross-train: " + e.getMessage());
            return OknoMain.EXIT_USAGE;
        }
        final SimSettings settings = new SimSettings(simulated, seed, days, start, chosen,
            visitors == null ? SimSettings.defaultVisitors(net) : visitors, staffing,
            noBreaks ? ShiftRules.NONE : ShiftRules.CITY, surprise,
            standby == null ? SimSettings.poolSize(net) / 4 : standby, redirect);
        final Simulation simulation = new Simulation(settings);
        int runs = 0;
        for (final SimPolicy policy : chosen)
        {
            runs += leanest ? simulation.leanestRuns(policy) : 1;
        }
        final ProgressBar bar = new ProgressBar(err, runs * days);
        final List<okno.server.sim.PolicyStats> results = new ArrayList<>();
        if (leanest)
        {
            int base = 0;
            for (final SimPolicy policy : chosen)
            {
                final int first = base;
                results.add(simulation.leanest(policy, (day, hour) -> bar.hour(first + day, hour)));
                base += days * simulation.leanestRuns(policy);
            }
        }
        else
        {
            results.addAll(simulation.run(bar::hour));
        }
        bar.done();
        final ErlangBound bound = simulation.bound(staffing);
        final PolicyReport report = new PolicyReport(settings, results, bound);
        stdout.print(report.table());
        report.write(out);
        stdout.println("report: " + out.toAbsolutePath().resolve("index.html"));
        stdout.flush();
        return 0;
    }
}

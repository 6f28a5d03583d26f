package okno.server.sim;

import okno.config.NetworkConfig;
import okno.engine.state.NetworkState;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A simulation run: the same seeded days of visitors through a fresh engine once per policy, and the pooled
 * Erlang-C bound for the same load. Policies run one after another on the calling thread.
 */
public final class Simulation
{
    /** Promise targets of the network goals. */
    static final double TARGET_MEAN_MINUTES = 3.0;
    static final double TARGET_TAIL_SHARE = 1.0 / 2000;

    private final SimSettings settings;
    private final Workload workload;
    private final boolean reach;

    /** Builds a run; nothing happens before {@link #run}. */
    public Simulation(final SimSettings settings)
    {
        this(settings, VisitorMix.CITY, true);
    }

    /**
     * Builds a run with another visitor mix (tests: the M/M/c mix), and with or without the staffing plan's
     * reach for the goals (without: square-root staffing alone, see {@link StaffingPlan}).
     */
    Simulation(final SimSettings settings, final VisitorMix mix, final boolean reach)
    {
        this.settings = settings;
        this.reach = reach;
        this.workload = new Workload(settings.network(), settings.visitorsPerDay(), settings.seed(), mix);
    }

    /** @return the settings of the run. */
    public SimSettings settings()
    {
        return settings;
    }

    /**
     * Runs every policy over every day.
     *
     * @param progress told of each simulated hour; the day index counts across policies
     * @return statistics per policy, in the order of the settings
     */
    public List<PolicyStats> run(final Progress progress)
    {
        final List<PolicyStats> all = new ArrayList<>();
        int offset = 0;
        for (final SimPolicy policy : settings.policies())
        {
            final int base = offset;
            all.add(runPolicy(policy, settings.staffingBeta(), poolOf(policy, settings.standby()),
                (day, hour) -> progress.hour(base + day, hour)));
            offset += settings.days();
        }
        return all;
    }

    /** @return the standby pool a policy gets: okno+balancer up to the network's pool, the others none. */
    private int poolOf(final SimPolicy policy, final int standby)
    {
        return policy == SimPolicy.BALANCER ? Math.min(standby, SimSettings.poolSize(settings.network())) : 0;
    }

    /** Runs one policy with one staffing level and standby pool over every day. */
    PolicyStats runPolicy(final SimPolicy policy, final double beta, final int standby, final Progress progress)
    {
        final NetworkConfig network = settings.network();
        final NetworkState state = new NetworkState(network);
        final int pool = poolOf(policy, standby);
        final PolicyStats stats = new PolicyStats(policy, beta, pool, network.centres().size());
        final long started = System.nanoTime();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long cpuStarted = threads.getCurrentThreadCpuTime();
        final Map<DayOfWeek, StaffingPlan> plans = new EnumMap<>(DayOfWeek.class);
        for (int d = 0; d < settings.days(); d++)
        {
            final LocalDate date = settings.startDate().plusDays(d);
            final long dayStartMs = date.atStartOfDay().toInstant(ZoneOffset.ofTotalSeconds(
                network.utcOffset().getTotalSeconds())).toEpochMilli();
            final StaffingPlan plan = plans.computeIfAbsent(date.getDayOfWeek(),
                day -> StaffingPlan.of(workload, day, beta, reach));
            final DemandSurprise surprise = DemandSurprise.draw(network.centres().size(), settings.surprise(),
                settings.seed(), date);
            new DaySimulation(state, workload, policy, plan, settings.shifts(), stats, date, dayStartMs,
                new DaySimulation.Day(settings.seed(), d, d == settings.days() - 1, surprise, pool, settings.redirect()),
                progress).run();
        }
        stats.wallNanos = System.nanoTime() - started;
        stats.cpuNanos = threads.getCurrentThreadCpuTime() - cpuStarted;
        return stats;
    }

    /** @return runs {@link #leanest} makes for a policy (for a progress bar). */
    public int leanestRuns(final SimPolicy policy)
    {
        return MarginSearch.plannedRuns() * pools(policy).length;
    }

    /**
     * Standby pools the search tries: none for fifo and okno; for okno+balancer none, 1/16, 1/8, 1/4, 1/2 and all
     * of the network's pool.
     */
    private int[] pools(final SimPolicy policy)
    {
        if (policy != SimPolicy.BALANCER)
        {
            return new int[]{0};
        }
        final int all = SimSettings.poolSize(settings.network());
        return IntStream.of(0, all / 16, all / 8, all / 4, all / 2, all).distinct().toArray();
    }

    /**
     * Finds the leanest staffing with which a policy meets the network goals over the run's days: the leanest
     * confirmed staffing margin of {@link MarginSearch}, for okno+balancer once per standby pool of {@link #pools};
     * the least paid staff-hours (pool included) wins.
     *
     * @return the statistics of that staffing (or of the richest tried, if none met the goals)
     */
    public PolicyStats leanest(final SimPolicy policy, final Progress progress)
    {
        final int planned = MarginSearch.plannedRuns();
        PolicyStats best = null;
        int slot = 0;
        for (final int pool : pools(policy))
        {
            final int first = slot;
            final int[] trial = {0};
            final PolicyStats found = MarginSearch.leanest(beta ->
            {
                // a failed confirmation costs runs beyond the plan: they redraw the pool's last slot of the bar
                final int at = first + Math.min(trial[0]++, planned - 1);
                return runPolicy(policy, beta, pool, (day, hour) -> progress.hour(at * settings.days() + day, hour));
            });
            if (best == null || found.meetsTargets()
                && (!best.meetsTargets() || found.staffHoursPerDay() < best.staffHoursPerDay()))
            {
                best = found;
            }
            slot += planned;
        }
        return best;
    }

    /** @return the pooled Erlang-C figures for the run's load. */
    public ErlangBound bound(final double beta)
    {
        return ErlangBound.of(workload, settings, beta, reach);
    }
}

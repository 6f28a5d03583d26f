package okno.server.sim;

import okno.engine.api.EngineEvent;
import okno.engine.kpi.CentreKpi;
import okno.engine.state.NetworkState;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the day's figures to its policy's {@link PolicyStats}: waits by hour of issue and ETA errors at each first
 * call, staff moves and return trips, queue samples of the run's last day, visitors never called, and the
 * engine's KPIs and paid hours at the end.
 */
final class DayRecorder
{
    private static final long SAMPLE_MS = 15 * 60_000L;

    private final PolicyStats stats;
    private final Workload workload;
    private final Visitors visitors;
    private final Tickets tickets;
    private final Line line;
    private final DayClock clock;
    private final EventHeap heap;
    private final int dayIndex;
    private final boolean lastDay;
    private final int centres;

    DayRecorder(final PolicyStats stats, final Workload workload, final Visitors visitors, final Tickets tickets,
        final Line line, final DayClock clock, final EventHeap heap, final DaySimulation.Day day, final int centres)
    {
        this.stats = stats;
        this.workload = workload;
        this.visitors = visitors;
        this.tickets = tickets;
        this.line = line;
        this.clock = clock;
        this.heap = heap;
        this.dayIndex = day.index();
        this.lastDay = day.last();
        this.centres = centres;
    }

    /** The visitor's first call came after {@code waitMs}. */
    void recordWait(final int v, final long waitMs)
    {
        tickets.calledOnce[v] = true;
        final int hour = (int)((tickets.issuedMs[v] - clock.dayStartMs) / 3_600_000L);
        stats.byHourCount[hour]++;
        stats.byHourWaitMs[hour] += waitMs;
        if (waitMs > workload.network.rules().promiseMinutes() * 60_000L)
        {
            stats.byHourOver[hour]++;
        }
        if (tickets.predictedSeconds[v] >= 0)
        {
            final long error = tickets.predictedSeconds[v] * 1000L - waitMs;
            stats.etaCount++;
            stats.etaErrorMs += error;
            stats.etaAbsErrorMs += Math.abs(error);
        }
    }

    /** A visitor took a nearby centre: their cancelled ticket is not a visit (the engine counted it at issue). */
    void redirected(final long travelMs)
    {
        stats.visitors--;
        stats.redirected++;
        stats.redirectTravelMs += travelMs;
    }

    /** A member set off: a balancer's move (logged) or a trip home. */
    void moved(final EngineEvent e)
    {
        stats.travelMs += e.arrivalMs - e.timestampMs;
        if (e.flag < 0)
        {
            stats.returns++;
            return;
        }
        stats.moves++;
        stats.moveLog.add(new int[]{(int)((e.timestampMs - clock.dayStartMs) / 60_000L), e.staff, e.centre,
            e.targetCentre, dayIndex});
    }

    /** Samples every centre's line (on the run's last day) and schedules the next sample. */
    void sample()
    {
        final long nowMs = clock.nowMs();
        final int k = (int)((nowMs - clock.dayStartMs) / SAMPLE_MS);
        if (lastDay && k < PolicyStats.SAMPLES_PER_DAY)
        {
            for (int c = 0; c < centres; c++)
            {
                stats.queueSamples[c][k] = line.total(c);
            }
        }
        if (k + 1 < PolicyStats.SAMPLES_PER_DAY && (nowMs < clock.lastCloseMs || line.anyWaiting()))
        {
            heap.push(nowMs + SAMPLE_MS, SimEvent.SAMPLE, 0, 0);
        }
    }

    /**
     * The day is over: visitors still waiting were never called (the engine's KPIs know only calls), they count
     * as waits over the promise, waiting until the end of the day; then the engine's KPIs and the paid hours.
     */
    void endDay(final NetworkState state, final Roster roster)
    {
        for (int v = 0; v < visitors.count; v++)
        {
            if (tickets.issuedMs[v] != 0 && !tickets.calledOnce[v])
            {
                stats.unserved++;
                stats.unservedWaitMs += clock.nowMs() - tickets.issuedMs[v];
            }
        }
        final List<CentreKpi> parts = new ArrayList<>(centres);
        for (int c = 0; c < centres; c++)
        {
            parts.add(state.kpi(c));
        }
        stats.addDay(CentreKpi.merge(parts), roster.paidMs(false), roster.paidMs(true));
    }
}

package okno.server.sim;

import okno.engine.kpi.CentreKpi;
import okno.engine.kpi.WaitHistogram;

import java.util.ArrayList;
import java.util.List;

/**
 * What one policy achieved over all simulated days: the engine's own KPIs (merged day by day), staff time,
 * the ETA predictor's error, waits by hour of arrival, queue lengths by centre through the last day and the
 * staff moves. Filled by {@link DayRecorder}; read by the report.
 */
public final class PolicyStats
{
    /** Queue samples per day: every 15 minutes. */
    static final int SAMPLES_PER_DAY = 96;

    final SimPolicy policy;
    final double staffing;
    /** Standby pool members paid for whole shifts (okno+balancer only). */
    final int standby;
    final WaitHistogram waits = new WaitHistogram();
    long visitors;
    long waited;
    long waitSumMs;
    long maxWaitMs;
    long overPromise;
    /** Visitors never called by the end of their day, and their waits until then (not in the engine's KPIs). */
    long unserved;
    long unservedWaitMs;
    long services;
    long serviceSumMs;
    long staffedMs;
    long paidMs;
    /** Of {@link #paidMs}, the standby pool's whole shifts. */
    long poolPaidMs;
    long travelMs;
    long moves;
    /** Visitors who took the kiosk's offer of a nearby centre, and their trips there. */
    long redirected;
    long redirectTravelMs;
    long returns;
    long ratingSum;
    long ratings;
    long etaCount;
    long etaAbsErrorMs;
    long etaErrorMs;
    final long[] byHourCount = new long[24];
    final long[] byHourWaitMs = new long[24];
    final long[] byHourOver = new long[24];
    /** Waiting tickets per centre at each 15-minute sample of the last day. */
    int[][] queueSamples;
    /** Moves of the whole run: minute of the day, staff, from, to, day index. */
    final List<int[]> moveLog = new ArrayList<>();
    long wallNanos;
    /** CPU time of the simulating thread (the machine may be shared: wall time alone overstates). */
    long cpuNanos;
    int days;

    PolicyStats(final SimPolicy policy, final double staffing, final int standby, final int centres)
    {
        this.policy = policy;
        this.staffing = staffing;
        this.standby = standby;
        this.queueSamples = new int[centres][SAMPLES_PER_DAY];
    }

    /** Adds the engine's KPIs of one finished day and the staff time the day paid: centres' staff and pool. */
    void addDay(final CentreKpi day, final long centresPaidMs, final long dayPoolPaidMs)
    {
        paidMs += centresPaidMs + dayPoolPaidMs;
        poolPaidMs += dayPoolPaidMs;
        waits.addAll(day.waits());
        visitors += day.visitors();
        waited += day.waited();
        waitSumMs += day.waitSumMs();
        maxWaitMs = Math.max(maxWaitMs, day.maxWaitMs());
        overPromise += day.overPromise();
        services += day.services();
        serviceSumMs += day.serviceSumMs();
        staffedMs += day.staffedMs();
        for (int i = 0; i < 5; i++)
        {
            ratingSum += (i + 1) * day.ratingsByScore()[i];
            ratings += day.ratingsByScore()[i];
        }
        days++;
    }

    /** @return mean wait of the visitors called, and of those never called until the end of their day. */
    double meanWaitMinutes()
    {
        return waited + unserved == 0 ? 0 : (waitSumMs + unservedWaitMs) / (double)(waited + unserved) / 60_000.0;
    }

    double quantileMinutes(final double q)
    {
        return Math.min(waits.quantileMs(q), maxWaitMs) / 60_000.0;
    }

    /** @return share of visitors waiting over the promise, never-called ones included. */
    double overPromiseShare()
    {
        return waited + unserved == 0 ? 0 : (overPromise + unserved) / (double)(waited + unserved);
    }

    /** @return paid staff hours per day: shifts from their start to the member's last window or trip. */
    double staffHoursPerDay()
    {
        return paidMs / 3_600_000.0 / Math.max(1, days);
    }

    /** @return paid staff hours per day of the standby pool (included in {@link #staffHoursPerDay}). */
    double poolHoursPerDay()
    {
        return poolPaidMs / 3_600_000.0 / Math.max(1, days);
    }

    /** @return hours of open windows per day (what the Erlang-C bound counts). */
    double windowHoursPerDay()
    {
        return staffedMs / 3_600_000.0 / Math.max(1, days);
    }

    /** @return service time over open window time. */
    double utilisation()
    {
        return staffedMs == 0 ? 0 : serviceSumMs / (double)staffedMs;
    }

    double etaMeanAbsErrorMinutes()
    {
        return etaCount == 0 ? 0 : etaAbsErrorMs / (double)etaCount / 60_000.0;
    }

    double etaBiasMinutes()
    {
        return etaCount == 0 ? 0 : etaErrorMs / (double)etaCount / 60_000.0;
    }

    /** @return whether the network goals hold: mean wait at most 3 minutes, at most 1 in 2,000 over 15. */
    boolean meetsTargets()
    {
        return meanWaitMinutes() <= Simulation.TARGET_MEAN_MINUTES && overPromiseShare() <= Simulation.TARGET_TAIL_SHARE;
    }
}

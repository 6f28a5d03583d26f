package okno.server.sim;

import java.util.function.DoubleFunction;

/**
 * The leanest staffing margin β with which a policy meets the goals: bisection over a grid of β, then a check that
 * the margins just above meet them too.
 *
 * <p>Whether a day meets the tail goal turns on about 35 visitors, so it is not monotone in β: a margin can pass
 * by luck while a richer one fails. Bisection alone then lands on the lucky margin, and single-seed comparisons
 * between policies move by several points. A margin is accepted only when the {@link #CONFIRMATIONS} grid steps
 * above it pass as well; a failure there moves the search above it. The result is the leanest margin of a run of
 * passing ones, the staffing a manager could rely on, and the same rule holds for every policy.
 */
final class MarginSearch
{
    static final double LOWEST = -3.0;
    static final double HIGHEST = 3.0;
    static final int BISECTIONS = 7;
    static final int CONFIRMATIONS = 2;
    /** The grid: {@code LOWEST + k * STEP} (a dyadic fraction, so the sums are exact). */
    static final double STEP = (HIGHEST - LOWEST) / (1 << BISECTIONS);

    private MarginSearch()
    {
    }

    /** @return runs a search makes when no confirmation fails (a failure costs more). */
    static int plannedRuns()
    {
        return 1 + BISECTIONS + CONFIRMATIONS;
    }

    /**
     * @param run runs the policy with a margin
     * @return the run at the leanest confirmed margin, or the richest run when even {@link #HIGHEST} misses the
     *     goals
     */
    static PolicyStats leanest(final DoubleFunction<PolicyStats> run)
    {
        final PolicyStats richest = run.apply(HIGHEST);
        if (!richest.meetsTargets())
        {
            return richest;
        }
        double low = LOWEST;
        double high = HIGHEST;
        PolicyStats found = richest;
        for (int i = 0; i < BISECTIONS; i++)
        {
            final double mid = (low + high) / 2;
            final PolicyStats stats = run.apply(mid);
            if (stats.meetsTargets())
            {
                high = mid;
                found = stats;
            }
            else
            {
                low = mid;
            }
        }
        int confirmed = 0;
        for (double next = high + STEP; confirmed < CONFIRMATIONS && next < HIGHEST; next += STEP)
        {
            final PolicyStats stats = run.apply(next);
            if (!stats.meetsTargets())
            {
                found = null;
                confirmed = 0;
            }
            else if (found == null)
            {
                found = stats;
            }
            else
            {
                confirmed++;
            }
        }
        return found == null ? richest : found;
    }
}

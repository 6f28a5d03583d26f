package okno.server.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The leanest-margin search: bisection on the grid, then confirmation against margins that passed by luck. */
class MarginSearchTest
{
    private final List<Double> tried = new ArrayList<>();

    @Test
    void aMonotoneOutcomeGivesTheFirstPassingGridMarginAfterTwoConfirmations()
    {
        final PolicyStats found = MarginSearch.leanest(runs(beta -> beta >= 0.5));

        assertEquals(gridCeiling(0.5), found.staffing, 1e-12);
        assertEquals(MarginSearch.plannedRuns(), tried.size(), "tried " + tried);
        assertEquals(List.of(found.staffing + MarginSearch.STEP, found.staffing + 2 * MarginSearch.STEP),
            tried.subList(tried.size() - 2, tried.size()));
    }

    @Test
    void aMarginThatPassedByLuckIsPassedOverForTheRunOfPassingMarginsAboveTheFailures()
    {
        // the first bisection step passes by luck; everything else below 1.0 fails
        final double lucky = (MarginSearch.LOWEST + MarginSearch.HIGHEST) / 2;
        final PolicyStats found = MarginSearch.leanest(runs(beta -> beta >= 1.0 || beta == lucky));

        assertEquals(lucky, tried.get(1), 1e-12);
        assertEquals(gridCeiling(1.0), found.staffing, 1e-12, "bisection alone would stop at " + lucky);
    }

    @Test
    void aFailureInsideTheConfirmationsRestartsThemAboveIt()
    {
        // bisection stops at the grid ceiling of 0.5 without trying two steps above it: the confirmation finds the hole
        final double hole = gridCeiling(0.5) + 2 * MarginSearch.STEP;
        final PolicyStats found = MarginSearch.leanest(runs(beta -> beta >= 0.5 && beta != hole));

        assertEquals(hole + MarginSearch.STEP, found.staffing, 1e-12);
        assertEquals(hole + 3 * MarginSearch.STEP, tried.get(tried.size() - 1), 1e-12);
    }

    @Test
    void whenEvenTheRichestMarginMissesItIsTheAnswerAndNothingElseRuns()
    {
        final PolicyStats found = MarginSearch.leanest(runs(beta -> false));

        assertEquals(MarginSearch.HIGHEST, found.staffing);
        assertFalse(found.meetsTargets());
        assertEquals(List.of(MarginSearch.HIGHEST), tried);
    }

    @Test
    void passesJustBelowTheRichestNeedNoConfirmationBeyondIt()
    {
        final double last = MarginSearch.HIGHEST - MarginSearch.STEP;
        final PolicyStats found = MarginSearch.leanest(runs(beta -> beta >= last));

        assertEquals(last, found.staffing, 1e-12);
        assertEquals(1 + MarginSearch.BISECTIONS, tried.size(), "the richest margin already confirms it: " + tried);
    }

    /** @return the smallest grid margin at or above {@code beta} */
    private static double gridCeiling(final double beta)
    {
        return MarginSearch.LOWEST + Math.ceil((beta - MarginSearch.LOWEST) / MarginSearch.STEP) * MarginSearch.STEP;
    }

    /** A stand-in day: meets the goals (mean 1 min, no long waits) where {@code passes}, else a long tail. */
    private DoubleFunction<PolicyStats> runs(final DoublePredicate passes)
    {
        return beta ->
        {
            tried.add(beta);
            final PolicyStats stats = new PolicyStats(SimPolicy.OKNO, beta, 0, 1);
            stats.waited = 2_000;
            stats.waitSumMs = 2_000 * 60_000L;
            stats.overPromise = passes.test(beta) ? 1 : 2;
            return stats;
        };
    }
}

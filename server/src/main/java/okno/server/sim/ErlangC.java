package okno.server.sim;

/**
 * The M/M/c queue (Erlang C): the bound a perfectly pooled centre reaches, where every window serves every
 * service. Offered load {@code a = lambda x meanService} in erlangs, {@code c} servers.
 */
final class ErlangC
{
    private ErlangC()
    {
    }

    /** @return probability that an arrival waits at all; 1 when {@code c <= a}. */
    static double waitProbability(final int c, final double a)
    {
        if (c <= a)
        {
            return 1.0;
        }
        // Erlang B by its stable recursion, then C from B
        double b = 1.0;
        for (int k = 1; k <= c; k++)
        {
            b = a * b / (k + a * b);
        }
        final double rho = a / c;
        return b / (1 - rho + rho * b);
    }

    /** @return mean wait in units of the mean service time; infinite when unstable. */
    static double meanWait(final int c, final double a)
    {
        return c <= a ? Double.POSITIVE_INFINITY : waitProbability(c, a) / (c - a);
    }

    /** @return probability that the wait exceeds {@code t} (in units of the mean service time). */
    static double waitExceeds(final int c, final double a, final double t)
    {
        return c <= a ? 1.0 : waitProbability(c, a) * Math.exp(-(c - a) * t);
    }

    /**
     * @return the fewest servers that keep the mean wait at most {@code meanTarget} and the probability of
     *     waiting over {@code tailT} at most {@code tailShare} (times in units of the mean service time)
     */
    static int serversFor(final double a, final double meanTarget, final double tailT, final double tailShare)
    {
        if (a <= 0)
        {
            return 0;
        }
        int c = Math.max(1, (int)Math.floor(a) + 1);
        while (meanWait(c, a) > meanTarget || waitExceeds(c, a, tailT) > tailShare)
        {
            c++;
        }
        return c;
    }
}

package okno.server.sim;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How a day's real demand differs from the published workload schedule, which is all a staffing planner knows
 * in advance. Per centre and day a multiplier {@code D_c = exp(sigma Z - sigma^2 / 2)} (log-normal, mean 1:
 * the network total stays as scheduled while some centres get busier and others quieter, e.g. a local event, a
 * neighbour's outage, the weather); on top, per centre and clock hour, a log-normal {@code H_ch} of mean 1 and
 * log-deviation {@code sigma / 2} that follows an AR(1) over the hours (correlation 0.7 from one hour to the
 * next: a surge lasts a few hours, it does not flicker). The realised arrival rate of a centre in hour {@code h}
 * is the schedule's rate times {@code D_c x H_ch}; {@code sigma = 0} is the schedule itself.
 *
 * <p>Drawn from the run's seed and the date only, so every policy meets the same surprise.
 */
final class DemandSurprise
{
    /** Hour-to-hour correlation of the hourly component (in log space). */
    private static final double HOUR_CORRELATION = 0.7;

    private final double[][] factor;

    private DemandSurprise(final double[][] factor)
    {
        this.factor = factor;
    }

    /** @return the surprise of a day: {@code sigma} is the log-deviation of the per-centre day multiplier. */
    static DemandSurprise draw(final int centres, final double sigma, final long seed, final LocalDate date)
    {
        final double[][] factor = new double[centres][24];
        final SplittableRandom random = new SplittableRandom((seed ^ 0x5C4B15EL) * 31 + date.toEpochDay());
        final double hourSigma = sigma / 2;
        final double innovation = Math.sqrt(1 - HOUR_CORRELATION * HOUR_CORRELATION);
        for (int c = 0; c < centres; c++)
        {
            final double day = sigma * Workload.gaussian(random) - sigma * sigma / 2;
            double x = Workload.gaussian(random);
            for (int h = 0; h < 24; h++)
            {
                // x stays standard normal: the AR(1) keeps its variance
                x = h == 0 ? x : HOUR_CORRELATION * x + innovation * Workload.gaussian(random);
                factor[c][h] = sigma == 0 ? 1.0 : Math.exp(day + hourSigma * x - hourSigma * hourSigma / 2);
            }
        }
        return new DemandSurprise(factor);
    }

    /** @return realised over scheduled arrival rate of a centre in a local clock hour. */
    double factor(final int centre, final int hour)
    {
        return factor[centre][hour];
    }
}

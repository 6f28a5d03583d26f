package okno.server.sim;

import okno.config.PriorityClass;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One day's visitors, drawn from a {@link Workload} and a seed before the day runs, so that every policy meets
 * exactly the same people (common random numbers make the comparison sharper). Parallel arrays in arrival order.
 */
final class Visitors
{
    final int count;
    final long[] arriveMs;
    final int[] centre;
    /** Services of the visit: first, and second or -1. */
    final int[] first;
    final int[] second;
    final long[] firstMs;
    final long[] secondMs;
    final int[] priority;
    /** The visitor booked ahead and checks in (falls back to a walk-in ticket if the slot is full). */
    final boolean[] appointment;
    /** The visitor does not answer the calls of the first service. */
    final boolean[] noShow;
    /** Rating given after the visit, 0 for none. */
    final int[] rating;

    private Visitors(final int count)
    {
        this.count = count;
        arriveMs = new long[count];
        centre = new int[count];
        first = new int[count];
        second = new int[count];
        firstMs = new long[count];
        secondMs = new long[count];
        priority = new int[count];
        appointment = new boolean[count];
        noShow = new boolean[count];
        rating = new int[count];
    }

    /**
     * Draws the visitors of a local day; {@code dayStartMs} is local midnight. Arrivals follow the schedule's rate
     * times the day's {@link DemandSurprise}.
     */
    static Visitors draw(final Workload w, final DemandSurprise surprise, final LocalDate date,
        final long dayStartMs, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + date.toEpochDay());
        final DayOfWeek day = date.getDayOfWeek();
        final int centres = w.network.centres().size();
        long[] keys = new long[1 << 16];
        int n = 0;
        for (int c = 0; c < centres; c++)
        {
            for (int m = 0; m < 1440; m++)
            {
                final double rate = w.ratePerMinute(c, day, m) * surprise.factor(c, m / 60);
                if (rate <= 0)
                {
                    continue;
                }
                final int arrivals = poisson(random, rate);
                for (int k = 0; k < arrivals; k++)
                {
                    if (n == keys.length)
                    {
                        keys = Arrays.copyOf(keys, n * 2);
                    }
                    final long offsetMs = m * 60_000L + random.nextLong(60_000L);
                    keys[n++] = (offsetMs << 16) | c;
                }
            }
        }
        final long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        final Visitors v = new Visitors(n);
        for (int i = 0; i < n; i++)
        {
            final int c = (int)(sorted[i] & 0xFFFF);
            v.arriveMs[i] = dayStartMs + (sorted[i] >>> 16);
            v.centre[i] = c;
            v.first[i] = w.drawService(random, c, -1);
            v.second[i] = random.nextDouble() < w.multiServiceShare ? w.drawService(random, c, v.first[i]) : -1;
            v.firstMs[i] = w.drawServiceMs(random, v.first[i]);
            v.secondMs[i] = v.second[i] < 0 ? 0 : w.drawServiceMs(random, v.second[i]);
            final double p = random.nextDouble();
            v.priority[i] = PriorityClass.NORMAL.code();
            if (p < w.accessibilityShare && w.allows(v.first[i], PriorityClass.ACCESSIBILITY)
                && (v.second[i] < 0 || w.allows(v.second[i], PriorityClass.ACCESSIBILITY)))
            {
                v.priority[i] = PriorityClass.ACCESSIBILITY.code();
            }
            v.appointment[i] = v.second[i] < 0 && p >= w.accessibilityShare
                && p < w.accessibilityShare + w.appointmentShare && w.allows(v.first[i], PriorityClass.APPOINTMENT);
            v.noShow[i] = random.nextDouble() < w.noShowShare;
            v.rating[i] = random.nextDouble() < 0.4 ? 3 + random.nextInt(3) : 0;
        }
        return v;
    }

    /** Poisson draw by inversion; rates per minute are small. */
    private static int poisson(final SplittableRandom random, final double rate)
    {
        final double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit)
        {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}

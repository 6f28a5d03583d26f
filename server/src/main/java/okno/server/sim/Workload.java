package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.config.ServiceDef;

import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demand side of the simulated city: how many visitors come to each centre in each minute and what they
 * want. Arrivals are a Poisson process whose rate follows a daily shape (morning, lunch and evening peaks over a
 * base), a weekday factor and a centre weight proportional to its windows; {@link #visitorsPerDay} is the network
 * total of a weekday with factor 1. Services are drawn by a seeded popularity (Zipf-like) among those the centre
 * offers; service times are log-normal around each service's expected minutes (see {@link VisitorMix}).
 * Pure and deterministic: everything random comes from the generator passed in.
 */
final class Workload
{
    /** Relative demand by weekday, Monday first; Tuesday to Thursday are "1.0" days. */
    private static final double[] WEEKDAY = {1.10, 1.0, 1.0, 1.0, 1.05, 0.85, 0.60};

    final NetworkConfig network;
    final NetworkIndex index;
    final int visitorsPerDay;
    final VisitorMix mix;
    final double multiServiceShare;
    final double accessibilityShare;
    final double appointmentShare;
    final double noShowShare;
    /** Popularity weight of each service. */
    private final double[] popularity;
    /** Services offered per centre (some window has them). */
    final boolean[][] offered;
    /** Sum of the popularity of the services each centre offers. */
    private final double[] offeredPopularity;
    private final double[] centreWeight;
    /** Integral of the shape over each centre's opening hours per weekday (0 when closed). */
    private final double[][] shapeSums;

    Workload(final NetworkConfig network, final int visitorsPerDay, final long seed, final VisitorMix mix)
    {
        this.mix = mix;
        this.network = network;
        this.index = new NetworkIndex(network);
        this.visitorsPerDay = visitorsPerDay;
        this.multiServiceShare = mix.multiServiceShare();
        this.accessibilityShare = mix.accessibilityShare();
        this.appointmentShare = mix.appointmentShare();
        this.noShowShare = mix.noShowShare();
        final List<ServiceDef> services = network.services();
        final SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
        final int[] rank = new int[services.size()];
        for (int i = 0; i < rank.length; i++)
        {
            rank[i] = i;
        }
        for (int i = rank.length - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        popularity = new double[services.size()];
        for (int s = 0; s < popularity.length; s++)
        {
            popularity[s] = 1.0 / Math.pow(rank[s] + 1, 0.8);
        }
        final List<CentreDef> centres = network.centres();
        offered = new boolean[centres.size()][services.size()];
        centreWeight = new double[centres.size()];
        offeredPopularity = new double[centres.size()];
        double total = 0;
        for (int c = 0; c < centres.size(); c++)
        {
            for (final var window : centres.get(c).windows())
            {
                for (final String service : window.skills().keySet())
                {
                    offered[c][index.service(service)] = true;
                }
            }
            for (int s = 0; s < popularity.length; s++)
            {
                offeredPopularity[c] += offered[c][s] ? popularity[s] : 0;
            }
            centreWeight[c] = centres.get(c).windows().size();
            total += centreWeight[c];
        }
        shapeSums = new double[centres.size()][7];
        for (int c = 0; c < centreWeight.length; c++)
        {
            centreWeight[c] /= total;
            for (final DayOfWeek day : DayOfWeek.values())
            {
                final DayHours hours = centres.get(c).hours().on(day);
                shapeSums[c][day.getValue() - 1] = hours == null ? 0 : shapeIntegral(hours);
            }
        }
    }

    /** @return relative demand of a local clock hour (fractional hours), peaks at 10:30, 13:00 and 18:00. */
    static double shape(final double hour)
    {
        return 0.55 + bump(hour, 10.5, 1.2, 0.7) + bump(hour, 13.0, 0.6, 0.35) + bump(hour, 18.0, 1.2, 0.6);
    }

    private static double bump(final double x, final double centre, final double width, final double height)
    {
        final double z = (x - centre) / width;
        return height * Math.exp(-z * z / 2);
    }

    /** @return the weekday factor. */
    static double weekdayFactor(final DayOfWeek day)
    {
        return WEEKDAY[day.getValue() - 1];
    }

    /** @return expected arrivals per minute at a centre at a local minute of a day, 0 when closed. */
    double ratePerMinute(final int centre, final DayOfWeek day, final int minute)
    {
        final DayHours hours = network.centres().get(centre).hours().on(day);
        if (hours == null || !hours.contains(minute))
        {
            return 0;
        }
        if (mix.flatArrivals())
        {
            return visitorsPerDay * centreWeight[centre] / (hours.closeMinute() - hours.openMinute());
        }
        return visitorsPerDay * weekdayFactor(day) * centreWeight[centre] * shape(minute / 60.0)
            / shapeSums[centre][day.getValue() - 1];
    }

    /** Minutes-weighted integral of the shape over the opening hours, so each centre's day sums to its share. */
    private static double shapeIntegral(final DayHours hours)
    {
        double sum = 0;
        for (int m = hours.openMinute(); m < hours.closeMinute(); m++)
        {
            sum += shape(m / 60.0);
        }
        return sum;
    }

    /** @return a service offered at the centre, by popularity; {@code other} (or -1) is never chosen. */
    int drawService(final SplittableRandom random, final int centre, final int other)
    {
        double total = 0;
        for (int s = 0; s < popularity.length; s++)
        {
            total += offered[centre][s] && s != other ? popularity[s] : 0;
        }
        double x = random.nextDouble() * total;
        int last = -1;
        for (int s = 0; s < popularity.length; s++)
        {
            if (offered[centre][s] && s != other)
            {
                last = s;
                x -= popularity[s];
                if (x < 0)
                {
                    return s;
                }
            }
        }
        return last;
    }

    /**
     * @return a service time drawn around the service's expected minutes, ms: log-normal (at least 30 s), or
     *     exponential for the M/M/c mix
     */
    long drawServiceMs(final SplittableRandom random, final int service)
    {
        final double mean = network.services().get(service).expectedMinutes() * 60_000.0;
        if (mix.exponential())
        {
            return Math.max(1L, Math.round(-mean * Math.log(1.0 - random.nextDouble())));
        }
        final double sigma2 = Math.log(1 + mix.serviceTimeCv() * mix.serviceTimeCv());
        final double mu = Math.log(mean) - sigma2 / 2;
        return Math.max(30_000L, Math.round(Math.exp(mu + Math.sqrt(sigma2) * gaussian(random))));
    }

    /** @return whether the service allows a priority class. */
    boolean allows(final int service, final PriorityClass priority)
    {
        return network.services().get(service).priorities().contains(priority);
    }

    /** @return expected service minutes of a visit of the mix at a centre (for staffing and Erlang C). */
    double meanServiceMinutes(final int centre)
    {
        double sum = 0;
        for (int s = 0; s < popularity.length; s++)
        {
            sum += serviceMinutes(centre, s);
        }
        return sum;
    }

    /**
     * @return expected minutes of service {@code s} per visitor of a centre (its share of the visits, first or
     *     second service, times its expected minutes); summed over services this is {@link #meanServiceMinutes}
     */
    double serviceMinutes(final int centre, final int service)
    {
        if (!offered[centre][service])
        {
            return 0;
        }
        return (1 + multiServiceShare) * popularity[service] / offeredPopularity[centre]
            * network.services().get(service).expectedMinutes();
    }

    /** @return expected arrivals at a centre during a clock hour of a weekday. */
    double arrivalsInHour(final int centre, final DayOfWeek day, final int hour)
    {
        double sum = 0;
        for (int m = hour * 60; m < hour * 60 + 60; m++)
        {
            sum += ratePerMinute(centre, day, m);
        }
        return sum;
    }

    /** Standard normal by Box-Muller (one of the pair). */
    static double gaussian(final SplittableRandom random)
    {
        final double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

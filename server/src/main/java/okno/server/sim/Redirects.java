package okno.server.sim;

import okno.config.DayHours;
import okno.engine.balancer.Alternative;
import okno.engine.balancer.RedirectAdvisor;
import okno.engine.state.NetworkState;

import java.util.SplittableRandom;

/**
 * Visitors who take the kiosk's offer of a nearby centre. When the engine predicts a new ticket's wait above half
 * the promise, okno's kiosk lists nearby centres where travel plus wait is shorter ({@link RedirectAdvisor}, the
 * advisor of the HTTP API); a share of visitors, drawn per visitor from the seed, takes the first, cancels the
 * ticket and draws a new one there on arrival. Once: nobody is sent on twice; and only to a centre they reach half
 * an hour before it closes. fifo's kiosk predicts nothing, so only okno and okno+balancer offer it.
 */
final class Redirects
{
    /** A visitor sent on reaches the other centre at least this long before it closes. */
    private static final long BEFORE_CLOSING_MS = 30 * 60_000L;

    private final Workload workload;
    private final DayClock clock;
    private final RedirectAdvisor advisor;
    private final double share;
    private final long seed;
    private final boolean[] redirected;

    /**
     * @param share   share of the visitors offered a nearby centre who take it, 0 to 1
     * @param seed    the day's seed of who takes an offer
     * @param count   visitors of the day
     */
    Redirects(final Workload workload, final DayClock clock, final double share, final long seed, final int count)
    {
        this.workload = workload;
        this.clock = clock;
        this.advisor = RedirectAdvisor.withDefaults(workload.network);
        this.share = share;
        this.seed = seed;
        this.redirected = new boolean[count];
    }

    /**
     * @param etaSeconds the engine's prediction for the visitor's new ticket
     * @return the centre the visitor goes to instead (and takes a ticket there on arrival), or null when they stay
     */
    Alternative taken(final NetworkState state, final int v, final int centre, final int service,
        final int etaSeconds)
    {
        if (redirected[v] || !takesOffers(v))
        {
            return null;
        }
        for (final Alternative a : advisor.alternatives(state, centre, service, etaSeconds))
        {
            final DayHours hours = workload.network.centres().get(a.centre()).hours().on(clock.weekday);
            final long closeMs = clock.dayStartMs + hours.closeMinute() * 60_000L;
            if (clock.nowMs() + a.travelMinutes() * 60_000L + BEFORE_CLOSING_MS <= closeMs)
            {
                redirected[v] = true;
                return a;
            }
        }
        return null;
    }

    /** @return whether the visitor is one who takes an offer (the same visitors under every policy). */
    private boolean takesOffers(final int v)
    {
        return share > 0 && new SplittableRandom(seed + v).nextDouble() < share;
    }
}

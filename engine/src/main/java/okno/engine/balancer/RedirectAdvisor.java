package okno.engine.balancer;

import okno.config.CentreDef;
import okno.config.Geo;
import okno.config.NetworkConfig;
import okno.engine.api.NetworkView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The visitor redirect: when the predicted wait for a service at a centre is above the threshold, offer
 * nearby centres that have the service where travel plus wait is shorter than waiting here. Ordered by
 * travel plus wait, then distance, then centre index (deterministic). Pure function of the view.
 */
public final class RedirectAdvisor
{
    private final NetworkConfig config;
    private final int thresholdSeconds;
    private final int maxAlternatives;
    private final double maxDistanceKm;

    /**
     * @param config           the network (coordinates, travel speed)
     * @param thresholdSeconds offer alternatives only when the local predicted wait exceeds this
     * @param maxAlternatives  most centres offered
     * @param maxDistanceKm    farthest centre offered
     */
    public RedirectAdvisor(final NetworkConfig config, final int thresholdSeconds, final int maxAlternatives,
        final double maxDistanceKm)
    {
        this.config = config;
        this.thresholdSeconds = thresholdSeconds;
        this.maxAlternatives = maxAlternatives;
        this.maxDistanceKm = maxDistanceKm;
    }

    /** @return an advisor with the network's defaults: above half the promise, 3 centres within 10 km. */
    public static RedirectAdvisor withDefaults(final NetworkConfig config)
    {
        return new RedirectAdvisor(config, config.rules().promiseMinutes() * 30, 3, 10.0);
    }

    /**
     * @param here predicted wait of the visitor's own ticket at {@code centre}, seconds; negative when no open
     *             window serves it there, so any centre serving it now is better
     * @return alternatives for a ticket for {@code service} at {@code centre}; empty when the wait is fine
     */
    public List<Alternative> alternatives(final NetworkView view, final int centre, final int service,
        final int here)
    {
        if (here >= 0 && here <= thresholdSeconds)
        {
            return List.of();
        }
        final long hereSeconds = here < 0 ? Long.MAX_VALUE : here;
        final CentreDef origin = config.centres().get(centre);
        final List<Alternative> found = new ArrayList<>();
        for (int other = 0; other < config.centres().size(); other++)
        {
            if (other == centre)
            {
                continue;
            }
            final double distance = Geo.distanceKm(origin, config.centres().get(other));
            final int wait = distance <= maxDistanceKm ? view.predictedWaitSeconds(other, service) : -1;
            if (wait < 0)
            {
                continue;
            }
            final int travel = Geo.travelMinutes(distance, config.rules().travelKmPerHour());
            if (travel * 60L + wait < hereSeconds)
            {
                found.add(new Alternative(other, distance, travel, wait));
            }
        }
        found.sort(Comparator.comparingInt((Alternative a) -> a.travelMinutes() * 60 + a.predictedWaitSeconds())
            .thenComparingDouble(Alternative::distanceKm)
            .thenComparingInt(Alternative::centre));
        return found.size() > maxAlternatives ? List.copyOf(found.subList(0, maxAlternatives)) : List.copyOf(found);
    }
}

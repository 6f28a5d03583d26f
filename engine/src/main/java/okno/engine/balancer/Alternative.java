package okno.engine.balancer;

/**
 * A nearby centre offered to a visitor instead of a long wait.
 *
 * @param centre               centre index
 * @param distanceKm           distance from the visitor's centre
 * @param travelMinutes        travel time at the network's travel speed
 * @param predictedWaitSeconds predicted wait there for the same service
 */
public record Alternative(int centre, double distanceKm, int travelMinutes, int predictedWaitSeconds)
{
}

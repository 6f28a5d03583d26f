package okno.config;

/** Distances between centres on the Earth's surface. */
public final class Geo
{
    private static final double EARTH_RADIUS_KM = 6371.0;

    private Geo()
    {
    }

    /**
     * @return great-circle (haversine) distance between two centres in kilometres; StrictMath so that every JVM
     *         computes the same travel times (they enter the engine's state)
     */
    public static double distanceKm(final CentreDef a, final CentreDef b)
    {
        final double lat1 = StrictMath.toRadians(a.latitude());
        final double lat2 = StrictMath.toRadians(b.latitude());
        final double dLat = lat2 - lat1;
        final double dLon = StrictMath.toRadians(b.longitude() - a.longitude());
        final double h = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
            + StrictMath.cos(lat1) * StrictMath.cos(lat2) * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * StrictMath.asin(StrictMath.sqrt(Math.min(1.0, h)));
    }

    /** @return whole minutes (at least 1) to cover the distance at the given speed. */
    public static int travelMinutes(final double distanceKm, final int kmPerHour)
    {
        return Math.max(1, (int)Math.ceil(distanceKm / kmPerHour * 60));
    }
}

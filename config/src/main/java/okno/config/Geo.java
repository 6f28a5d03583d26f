package okno.config;

/** Distances between centres on the Earth's surface. */
public final class Geo
{
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo()
    {
    }

    /** @return great-circle (haversine) distance between two centres in kilometres. */
    public static double distanceKm(final CentreDef a, final CentreDef b)
    {
        final double lat1 = Math.toRadians(a.latitude());
        final double lat2 = Math.toRadians(b.latitude());
        final double dLat = lat2 - lat1;
        final double dLon = Math.toRadians(b.longitude() - a.longitude());
        final double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** @return whole minutes (at least 1) to cover the distance at the given speed. */
    public static int travelMinutes(final double distanceKm, final int kmPerHour)
    {
        return Math.max(1, (int)Math.ceil(distanceKm / kmPerHour * 60));
    }
}

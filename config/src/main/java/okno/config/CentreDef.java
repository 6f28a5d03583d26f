package okno.config;

import java.util.List;

/**
 * A public service centre.
 *
 * @param id        stable identifier used in APIs
 * @param name      human name
 * @param district  city district
 * @param latitude  degrees, WGS84
 * @param longitude degrees, WGS84
 * @param flagship  one of the large flagship centres
 * @param hours     opening hours per weekday
 * @param windows   the centre's windows in configuration order
 */
public record CentreDef(String id, String name, String district, double latitude, double longitude,
    boolean flagship, WeeklyHours hours, List<WindowDef> windows)
{
    public CentreDef
    {
        windows = List.copyOf(windows);
    }
}

package okno.config;

import java.time.ZoneOffset;
import java.util.List;

/**
 * A whole network: the immutable, validated model everything else is built from. Order of every list is the
 * order of the configuration file and is significant: engine indexes follow it.
 *
 * @param name      network name, e.g. {@code demo}
 * @param utcOffset local time of the network (Moscow: +03:00, no daylight saving)
 * @param seed      seed of everything the engine derives pseudo-randomly (appointment codes)
 * @param rules     queue rules
 * @param services  services
 * @param centres   centres
 * @param staff     staff members
 * @param tokens    API tokens
 * @param devices   serial devices of all centres
 */
public record NetworkConfig(String name, ZoneOffset utcOffset, long seed, QueueRules rules,
    List<ServiceDef> services, List<CentreDef> centres, List<StaffDef> staff, List<TokenDef> tokens,
    List<DeviceDef> devices)
{
    public NetworkConfig
    {
        services = List.copyOf(services);
        centres = List.copyOf(centres);
        staff = List.copyOf(staff);
        tokens = List.copyOf(tokens);
        devices = List.copyOf(devices);
    }

    /** A network without serial devices (the shape before devices existed). */
    public NetworkConfig(final String name, final ZoneOffset utcOffset, final long seed, final QueueRules rules,
        final List<ServiceDef> services, final List<CentreDef> centres, final List<StaffDef> staff,
        final List<TokenDef> tokens)
    {
        this(name, utcOffset, seed, rules, services, centres, staff, tokens, List.of());
    }

    /** @return total number of windows in all centres. */
    public int windowCount()
    {
        int count = 0;
        for (final CentreDef centre : centres)
        {
            count += centre.windows().size();
        }
        return count;
    }

    /** @return this network with other centres (and their windows), the rest unchanged */
    public NetworkConfig withCentres(final List<CentreDef> otherCentres)
    {
        return new NetworkConfig(name, utcOffset, seed, rules, services, otherCentres, staff, tokens, devices);
    }

    /** @return this network with other staff, the rest unchanged */
    public NetworkConfig withStaff(final List<StaffDef> otherStaff)
    {
        return new NetworkConfig(name, utcOffset, seed, rules, services, centres, otherStaff, tokens, devices);
    }
}

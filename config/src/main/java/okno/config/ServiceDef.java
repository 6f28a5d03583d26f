package okno.config;

import java.util.Set;

/**
 * A public service offered by the network.
 *
 * @param id               stable identifier used in APIs, e.g. {@code passport}
 * @param name             human name shown on kiosks
 * @param agency           agency that owns the service
 * @param expectedMinutes  expected service time, the seed of the ETA predictor
 * @param priorities       priority classes a ticket for this service may carry (always contains NORMAL)
 * @param prefix           ticket number prefix of the service group, one upper-case Latin letter
 */
public record ServiceDef(String id, String name, String agency, int expectedMinutes, Set<PriorityClass> priorities,
    char prefix)
{
    public ServiceDef
    {
        priorities = Set.copyOf(priorities);
    }
}

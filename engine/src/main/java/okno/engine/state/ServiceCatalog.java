package okno.engine.state;

import okno.config.PriorityClass;
import okno.config.ServiceDef;

import java.util.List;

/**
 * The fixed facts of every service the engine needs per command, in arrays indexed by service: the ticket
 * number prefix letter, the priority classes a ticket may have (normal always) and the expected service time.
 */
final class ServiceCatalog
{
    private final char[] prefixes;
    private final int[] allowedPriorityMask;
    private final int[] expectedMinutes;
    private final long[] expectedMs;

    ServiceCatalog(final List<ServiceDef> services)
    {
        final int count = services.size();
        prefixes = new char[count];
        allowedPriorityMask = new int[count];
        expectedMinutes = new int[count];
        expectedMs = new long[count];
        for (int s = 0; s < count; s++)
        {
            final ServiceDef def = services.get(s);
            if (def.prefix() < 'A' || def.prefix() > 'Z')
            {
                throw new IllegalArgumentException("service " + def.id() + ": prefix must be A..Z: " + def.prefix());
            }
            prefixes[s] = def.prefix();
            for (final PriorityClass p : def.priorities())
            {
                allowedPriorityMask[s] |= 1 << p.code();
            }
            allowedPriorityMask[s] |= 1 << PriorityClass.NORMAL.code();
            expectedMinutes[s] = def.expectedMinutes();
            expectedMs[s] = Math.max(1, def.expectedMinutes()) * DayCalendar.MINUTE_MS;
        }
    }

    /** @return number of services. */
    int count()
    {
        return prefixes.length;
    }

    /** @return the ticket number prefix letter A..Z of a service. */
    char prefix(final int service)
    {
        return prefixes[service];
    }

    /** @return whether a ticket for the service may have that priority class code. */
    boolean allows(final int service, final int priority)
    {
        return (allowedPriorityMask[service] & (1 << priority)) != 0;
    }

    /** @return configured expected minutes of one service (may be 0). */
    int expectedMinutes(final int service)
    {
        return expectedMinutes[service];
    }

    /** @return expected service time of each service, milliseconds (at least a minute); a copy. */
    long[] expectedMs()
    {
        return expectedMs.clone();
    }
}

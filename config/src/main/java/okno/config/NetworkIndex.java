package okno.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense integer indexes for the string ids of a {@link NetworkConfig}, in configuration order. Edges translate
 * ids to indexes once at ingress; the engine, its journal and its snapshots work on indexes only.
 * Returns {@code -1} for an unknown id. Immutable and safe to share between threads.
 */
public final class NetworkIndex
{
    private final NetworkConfig config;
    private final Map<String, Integer> services = new HashMap<>();
    private final Map<String, Integer> centres = new HashMap<>();
    private final Map<String, Integer> staff = new HashMap<>();
    private final Map<String, Integer> kiosks = new HashMap<>();
    private final List<Map<String, Integer>> windowsByCentre;

    public NetworkIndex(final NetworkConfig config)
    {
        this.config = config;
        indexInto(services, config.services().stream().map(ServiceDef::id).toList());
        indexInto(centres, config.centres().stream().map(CentreDef::id).toList());
        indexInto(staff, config.staff().stream().map(StaffDef::id).toList());
        indexInto(kiosks, config.tokens().stream().filter(t -> t.role() == Role.KIOSK).map(TokenDef::token).toList());
        windowsByCentre = config.centres().stream()
            .map(c ->
            {
                final Map<String, Integer> windows = new HashMap<>();
                indexInto(windows, c.windows().stream().map(WindowDef::id).toList());
                return windows;
            })
            .toList();
    }

    private static void indexInto(final Map<String, Integer> index, final List<String> ids)
    {
        for (int i = 0; i < ids.size(); i++)
        {
            index.put(ids.get(i), i);
        }
    }

    /** @return the configuration this index was built from. */
    public NetworkConfig config()
    {
        return config;
    }

    /** @return index of the service, or -1. */
    public int service(final String id)
    {
        return services.getOrDefault(id, -1);
    }

    /** @return index of the centre, or -1. */
    public int centre(final String id)
    {
        return centres.getOrDefault(id, -1);
    }

    /** @return index of the staff member, or -1. */
    public int staff(final String id)
    {
        return staff.getOrDefault(id, -1);
    }

    /**
     * @return index of the kiosk whose token this is (kiosk tokens in configuration order), or -1 for an unknown
     *         token or one of another role
     */
    public int kiosk(final String token)
    {
        return kiosks.getOrDefault(token, -1);
    }

    /** @return how many kiosk tokens the network has (kiosk indexes run from 0 below this). */
    public int kioskCount()
    {
        return kiosks.size();
    }

    /** @return index of the window within its centre, or -1 (also for an unknown centre index). */
    public int window(final int centre, final String id)
    {
        return centre < 0 || centre >= windowsByCentre.size() ? -1 : windowsByCentre.get(centre).getOrDefault(id, -1);
    }

    /** @return the definition at a service index. */
    public ServiceDef serviceAt(final int index)
    {
        return config.services().get(index);
    }

    /** @return the definition at a centre index. */
    public CentreDef centreAt(final int index)
    {
        return config.centres().get(index);
    }

    /** @return the definition at a window index of a centre. */
    public WindowDef windowAt(final int centre, final int window)
    {
        return config.centres().get(centre).windows().get(window);
    }

    /** @return the definition at a staff index. */
    public StaffDef staffAt(final int index)
    {
        return config.staff().get(index);
    }
}

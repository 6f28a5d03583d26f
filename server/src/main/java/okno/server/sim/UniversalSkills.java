package okno.server.sim;

import okno.config.CentreDef;
import okno.config.NetworkConfig;
import okno.config.WindowDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network whose windows serve every service their centre offers: Moscow's "universal specialists", who serve
 * most services at any window. Each window keeps its own skills and weights and gets the centre's other services
 * at weight 1. Measures what the window skills cost against the pooled Erlang-C bound; the shipped networks keep
 * their skills.
 */
public final class UniversalSkills
{
    private UniversalSkills()
    {
    }

    /** @return the network with every window of a centre having every service of that centre */
    public static NetworkConfig of(final NetworkConfig network)
    {
        final List<CentreDef> centres = new ArrayList<>();
        for (final CentreDef c : network.centres())
        {
            final Map<String, Integer> offered = new LinkedHashMap<>();
            for (final WindowDef w : c.windows())
            {
                w.skills().keySet().forEach(s -> offered.putIfAbsent(s, 1));
            }
            final List<WindowDef> windows = new ArrayList<>();
            for (final WindowDef w : c.windows())
            {
                final Map<String, Integer> skills = new LinkedHashMap<>(w.skills());
                offered.forEach(skills::putIfAbsent);
                windows.add(new WindowDef(w.id(), skills));
            }
            centres.add(new CentreDef(c.id(), c.name(), c.district(), c.latitude(), c.longitude(), c.flagship(),
                c.hours(), windows));
        }
        return network.withCentres(centres);
    }
}

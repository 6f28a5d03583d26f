package okno.engine.state;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkIndex;
import okno.config.WindowDef;

import java.time.DayOfWeek;
import java.util.Map;

/** Builds the empty {@link CentreState} of a configured centre: opening hours by weekday and windows with skills. */
final class CentreBuilder
{
    private CentreBuilder()
    {
    }

    static CentreState build(final int c, final CentreDef def, final NetworkIndex index, final int serviceCount)
    {
        final DayHours[] hours = new DayHours[7];
        for (final DayOfWeek d : DayOfWeek.values())
        {
            hours[d.getValue() - 1] = def.hours().on(d);
        }
        final WindowState[] windows = new WindowState[def.windows().size()];
        final WindowFlags flags = new WindowFlags(windows.length);
        for (int w = 0; w < windows.length; w++)
        {
            final WindowDef wd = def.windows().get(w);
            final int[] skillServices = new int[wd.skills().size()];
            final int[] skillWeights = new int[skillServices.length];
            int i = 0;
            for (final Map.Entry<String, Integer> skill : wd.skills().entrySet())
            {
                skillServices[i] = index.service(skill.getKey());
                if (skillServices[i] < 0)
                {
                    throw new IllegalArgumentException("centre " + def.id() + " window " + wd.id()
                        + ": unknown service " + skill.getKey());
                }
                skillWeights[i++] = Math.max(1, skill.getValue());
            }
            windows[w] = new WindowState(w, skillServices, skillWeights, serviceCount, flags);
        }
        return new CentreState(c, hours, windows, flags, serviceCount);
    }
}

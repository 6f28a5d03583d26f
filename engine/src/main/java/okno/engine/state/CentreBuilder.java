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
        final int[][] skillServices = new int[windows.length][];
        final int[][] skillWeights = new int[windows.length][];
        for (int w = 0; w < windows.length; w++)
        {
            final WindowDef wd = def.windows().get(w);
            skillServices[w] = new int[wd.skills().size()];
            skillWeights[w] = new int[skillServices[w].length];
            int i = 0;
            for (final Map.Entry<String, Integer> skill : wd.skills().entrySet())
            {
                skillServices[w][i] = index.service(skill.getKey());
                if (skillServices[w][i] < 0)
                {
                    throw new IllegalArgumentException("centre " + def.id() + " window " + wd.id()
                        + ": unknown service " + skill.getKey());
                }
                skillWeights[w][i++] = Math.max(1, skill.getValue());
            }
        }
        final WindowSkills skills = new WindowSkills(skillServices, skillWeights, serviceCount);
        for (int w = 0; w < windows.length; w++)
        {
            windows[w] = new WindowState(w, skills, flags);
        }
        return new CentreState(c, hours, windows, skills, flags, serviceCount);
    }
}

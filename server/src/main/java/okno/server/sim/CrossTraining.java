package okno.server.sim;

import okno.config.NetworkConfig;
import okno.config.ServiceDef;
import okno.config.StaffDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network whose centre staff are also trained for the {@code agencies} agencies that follow their own in the
 * catalogue: a staffing decision, not a dispatch rule, that the simulator prices. A member's own agency is the
 * one most of their skills belong to (the first such in catalogue order on a tie); as the desks' main agencies
 * go round, so do the extra ones. Skills follow the person, so a cross-trained member brings those agencies to
 * any desk. The standby pool keeps its skills.
 */
public final class CrossTraining
{
    private CrossTraining()
    {
    }

    /**
     * @param agencies extra agencies per centre member, 0 to the number of agencies less one
     * @return the network with its centre staff cross-trained
     * @throws IllegalArgumentException when {@code agencies} is out of range
     */
    public static NetworkConfig of(final NetworkConfig network, final int agencies)
    {
        final Map<String, List<String>> servicesByAgency = new LinkedHashMap<>();
        final Map<String, String> agencyOf = new LinkedHashMap<>();
        for (final ServiceDef s : network.services())
        {
            servicesByAgency.computeIfAbsent(s.agency(), k -> new ArrayList<>()).add(s.id());
            agencyOf.put(s.id(), s.agency());
        }
        final List<String> order = new ArrayList<>(servicesByAgency.keySet());
        if (agencies < 0 || agencies >= order.size())
        {
            throw new IllegalArgumentException("cross-training takes 0 to " + (order.size() - 1)
                + " more agencies, got " + agencies);
        }
        final List<StaffDef> staff = new ArrayList<>();
        for (final StaffDef member : network.staff())
        {
            if (member.standby() || member.skills().isEmpty() || agencies == 0)
            {
                staff.add(member);
                continue;
            }
            final int own = order.indexOf(ownAgency(member, agencyOf, order));
            final Set<String> skills = new LinkedHashSet<>(member.skills());
            for (int a = 1; a <= agencies; a++)
            {
                skills.addAll(servicesByAgency.get(order.get((own + a) % order.size())));
            }
            staff.add(new StaffDef(member.id(), member.name(), member.homeCentre(), new ArrayList<>(skills), false));
        }
        return network.withStaff(staff);
    }

    private static String ownAgency(final StaffDef member, final Map<String, String> agencyOf,
        final List<String> order)
    {
        final int[] count = new int[order.size()];
        for (final String skill : member.skills())
        {
            count[order.indexOf(agencyOf.get(skill))]++;
        }
        int own = 0;
        for (int a = 1; a < count.length; a++)
        {
            own = count[a] > count[own] ? a : own;
        }
        return order.get(own);
    }
}

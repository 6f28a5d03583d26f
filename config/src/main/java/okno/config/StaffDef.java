package okno.config;

import java.util.List;

/**
 * A staff member.
 *
 * @param id         stable identifier
 * @param name       display name
 * @param homeCentre id of the centre the staff member starts the day at
 * @param skills     service ids the staff member may serve
 * @param standby    member of the standby pool that the balancer may send to other centres
 */
public record StaffDef(String id, String name, String homeCentre, List<String> skills, boolean standby)
{
    public StaffDef
    {
        skills = List.copyOf(skills);
    }
}

package okno.engine;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.PriorityClass;
import okno.config.QueueRules;
import okno.config.ServiceDef;
import okno.config.StaffDef;
import okno.config.WeeklyHours;
import okno.config.WindowDef;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small networks built in code for engine tests (and, through the test-jar, for other modules' tests).
 *
 * <pre>
 * services: passport  A 10 min  normal, accessibility, appointment
 *           tax       B  5 min  normal, accessibility
 *           benefit   C 20 min  normal
 *           licence   D 15 min  normal, appointment          (offered at south only)
 * north (55.80, 37.60), 08:00-20:00 every day
 *   w1 {passport 5, tax 1}   w2 {tax 5, passport 1}   w3 {passport 3, benefit 3}
 * south (55.70, 37.60), 08:00-20:00, closed on Sundays
 *   w1 {passport 2, licence 2}   w2 {tax 1, licence 4}
 * staff: anna, boris, vera, egor (north; trained for benefit), gleb (south), dina (south, standby pool; trained
 *        for every service)
 * UTC+03:00, seed 42
 * </pre>
 */
public final class TestNetworks
{
    /** Local Monday 2025-03-03, the first day of most scenarios. */
    public static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    /** The offset of the test networks (Moscow). */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(3);

    private TestNetworks()
    {
    }

    /** @return the two-centre network above with the default rules. */
    public static NetworkConfig small()
    {
        return small(QueueRules.DEFAULT);
    }

    /** @return the two-centre network above with the given rules. */
    public static NetworkConfig small(final QueueRules rules)
    {
        final List<ServiceDef> services = List.of(
            service("passport", 10, 'A', PriorityClass.ACCESSIBILITY, PriorityClass.APPOINTMENT),
            service("tax", 5, 'B', PriorityClass.ACCESSIBILITY),
            service("benefit", 20, 'C'),
            service("licence", 15, 'D', PriorityClass.APPOINTMENT));
        final WeeklyHours everyDay = WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60));
        final List<DayHours> noSunday = new ArrayList<>(Collections.nCopies(7, new DayHours(8 * 60, 20 * 60)));
        noSunday.set(6, null);
        final CentreDef north = new CentreDef("north", "North", "N", 55.80, 37.60, false, everyDay, List.of(
            window("w1", "passport", 5, "tax", 1),
            window("w2", "tax", 5, "passport", 1),
            window("w3", "passport", 3, "benefit", 3)));
        final CentreDef south = new CentreDef("south", "South", "S", 55.70, 37.60, false, new WeeklyHours(noSunday),
            List.of(window("w1", "passport", 2, "licence", 2), window("w2", "tax", 1, "licence", 4)));
        final List<StaffDef> staff = List.of(
            staffMember("anna", "north", false),
            staffMember("boris", "north", false),
            staffMember("vera", "north", false),
            staffMember("gleb", "south", false),
            trained("dina", "south", true, "passport", "tax", "benefit", "licence"),
            trained("egor", "north", false, "benefit"));
        return new NetworkConfig("small", OFFSET, 42, rules, services, List.of(north, south), staff, List.of());
    }

    /**
     * @return one centre with one window serving {@code passport} (weight 5) and {@code tax} (weight 1), and two
     *     staff members: the smallest network a policy scenario needs
     */
    public static NetworkConfig oneWindow(final QueueRules rules)
    {
        final List<ServiceDef> services = List.of(
            service("passport", 10, 'A', PriorityClass.ACCESSIBILITY, PriorityClass.APPOINTMENT),
            service("tax", 5, 'B', PriorityClass.ACCESSIBILITY));
        final CentreDef centre = new CentreDef("solo", "Solo", "S", 55.75, 37.62, false,
            WeeklyHours.everyDay(new DayHours(0, 1440)), List.of(window("w1", "passport", 5, "tax", 1)));
        return new NetworkConfig("solo", OFFSET, 7, rules, services, List.of(centre),
            List.of(staffMember("anna", "solo", false), staffMember("boris", "solo", false)), List.of());
    }

    /**
     * @return a generated network of {@code centres} centres with {@code windows} windows each over
     *     {@code services} services (each window serves three neighbouring services), open 24 h, staff enough
     *     for every window plus one standby member per centre (the one of centre {@code cN} trained for service
     *     {@code s(N mod services)})
     */
    public static NetworkConfig generated(final int centres, final int windows, final int services)
    {
        final List<ServiceDef> serviceDefs = new ArrayList<>();
        for (int s = 0; s < services; s++)
        {
            serviceDefs.add(service("s" + s, 3 + s % 10, (char)('A' + s % 26), PriorityClass.ACCESSIBILITY,
                PriorityClass.APPOINTMENT));
        }
        final List<CentreDef> centreDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        for (int c = 0; c < centres; c++)
        {
            final List<WindowDef> windowDefs = new ArrayList<>();
            for (int w = 0; w < windows; w++)
            {
                final Map<String, Integer> skills = new LinkedHashMap<>();
                for (int k = 0; k < 3; k++)
                {
                    skills.put("s" + ((c + w + k) % services), 1 + (w + k) % 5);
                }
                windowDefs.add(new WindowDef("w" + w, skills));
                staff.add(new StaffDef("c" + c + "s" + w, "Staff " + c + "/" + w, "c" + c, List.of(), false));
            }
            staff.add(new StaffDef("c" + c + "standby", "Standby " + c, "c" + c, List.of("s" + c % services), true));
            centreDefs.add(new CentreDef("c" + c, "Centre " + c, "D", 55.6 + 0.01 * c, 37.5 + 0.013 * c, false,
                WeeklyHours.everyDay(new DayHours(0, 1440)), windowDefs));
        }
        return new NetworkConfig("generated", OFFSET, 1234, QueueRules.DEFAULT, serviceDefs, centreDefs, staff,
            List.of());
    }

    /** @return epoch milliseconds of a local time on a day of the test networks. */
    public static long at(final LocalDate day, final int hour, final int minute)
    {
        return day.atTime(hour, minute).toInstant(OFFSET).toEpochMilli();
    }

    /** @return epoch milliseconds of a local time on {@link #MONDAY}. */
    public static long monday(final int hour, final int minute)
    {
        return at(MONDAY, hour, minute);
    }

    private static ServiceDef service(final String id, final int minutes, final char prefix,
        final PriorityClass... extra)
    {
        final EnumSet<PriorityClass> priorities = EnumSet.of(PriorityClass.NORMAL);
        Collections.addAll(priorities, extra);
        return new ServiceDef(id, id, "agency", minutes, priorities, prefix);
    }

    private static WindowDef window(final String id, final String s1, final int w1, final String s2, final int w2)
    {
        final Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put(s1, w1);
        skills.put(s2, w2);
        return new WindowDef(id, skills);
    }

    private static StaffDef staffMember(final String id, final String home, final boolean standby)
    {
        return trained(id, home, standby);
    }

    /** A member trained for {@code skills}: they serve them at any window they sit at, besides its own. */
    private static StaffDef trained(final String id, final String home, final boolean standby, final String... skills)
    {
        return new StaffDef(id, id, home, List.of(skills), standby);
    }
}

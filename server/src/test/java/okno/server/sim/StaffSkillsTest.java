package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.PriorityClass;
import okno.config.QueueRules;
import okno.config.ServiceDef;
import okno.config.StaffDef;
import okno.config.WeeklyHours;
import okno.config.WindowDef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Skills follow the person: a staffed window serves its desk's services and its member's. */
class StaffSkillsTest
{
    private static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);
    private static final int LONG = 0;
    private static final int SHORT = 1;
    /** Services of the network: {@link #LONG}, {@link #SHORT}. */
    private static final List<String> SERVICES = List.of("long", "short");

    @Test
    void aWindowServesItsDeskAndItsMembersServicesUntilTheMemberLeaves()
    {
        final NetworkConfig network = oneLongLine(List.of("long"));
        final Workload workload = new Workload(network, 100, 1, VisitorMix.CITY);
        final Hall hall = new Hall(workload);
        final int longDesk = 0;
        final int shortDesk = 1;
        final int pool = network.staff().size() - 1;
        final int shortMember = 2;

        assertTrue(hall.serves(shortDesk, SHORT) && !hall.serves(shortDesk, LONG), "a closed desk: its own services");
        hall.take(shortDesk, pool);
        assertTrue(hall.serves(shortDesk, SHORT) && hall.serves(shortDesk, LONG), "the member brings their service");
        assertEquals(shortDesk, hall.memberWindow[pool]);
        assertFalse(hall.covers(shortDesk, pool), "a long-service member cannot serve a short desk's line");
        hall.leave(shortDesk);
        assertTrue(hall.serves(shortDesk, SHORT) && !hall.serves(shortDesk, LONG), "their service goes with them");
        assertEquals(-1, hall.memberWindow[pool]);
        assertEquals(-1, hall.windowStaff[shortDesk]);

        hall.take(longDesk, pool);
        hall.leave(longDesk);
        assertTrue(hall.serves(longDesk, LONG), "a service of the desk stays when a member trained for it leaves");
        hall.take(shortDesk, shortMember);
        assertTrue(hall.covers(shortDesk, shortMember) && !hall.serves(shortDesk, LONG),
            "a member trained for the desk's services only adds nothing");
    }

    @Test
    void theManagerSeatsAMemberTrainedForTheDesksServices()
    {
        final NetworkConfig network = oneLongLine(List.of("long"));
        final Workload workload = new Workload(network, 100, 1, VisitorMix.CITY);
        final long dayStartMs = TUESDAY.atStartOfDay().toInstant(network.utcOffset()).toEpochMilli();
        final Hall hall = new Hall(workload);
        final Roster roster = new Roster(workload, ShiftRules.CITY, new DayClock(workload, TUESDAY.getDayOfWeek(),
            dayStartMs), hall);
        final int shortDesk = 3;
        final int member = roster.take(0, shortDesk, dayStartMs + 8 * 3_600_000L);
        assertTrue(hall.covers(shortDesk, member), "the long desk's members come first in the back office, yet a "
            + "short desk gets a short-service member: " + network.staff().get(member));
    }

    @Test
    void aPoolMemberTrainedForALongLineOpensAnyClosedWindowForIt()
    {
        // one desk for a 20-minute service that carries more than one window's load, five for a 5-minute one: the
        // long line grows all day. A pool member on standby there trained for the long service opens a closed
        // short desk and serves the long line; one trained for the short service finds no closed window for it
        final PolicyStats versatile = runWithPool(oneLongLine(List.of("long")), 100);
        final PolicyStats sameAsDesks = runWithPool(oneLongLine(List.of("short")), 100);

        assertEquals(sameAsDesks.visitors, versatile.visitors, "the same visitors");
        assertTrue(sameAsDesks.overPromiseShare() > 0.1, "one desk cannot carry the long line: P(>15) "
            + sameAsDesks.overPromiseShare());
        assertTrue(versatile.overPromiseShare() < 0.3 * sameAsDesks.overPromiseShare(), "the pool member serves "
            + "the long line at a short desk: P(>15) " + versatile.overPromiseShare() + " vs "
            + sameAsDesks.overPromiseShare());
        assertTrue(versatile.meanWaitMinutes() < 0.3 * sameAsDesks.meanWaitMinutes(), "mean wait "
            + versatile.meanWaitMinutes() + " vs " + sameAsDesks.meanWaitMinutes());
    }

    @Test
    void aPoolMemberSentToALongLineOpensAnyClosedWindowForIt()
    {
        // the same busy centre and, 2 km away, a quiet one of short desks where the pool member starts: the
        // balancer sends them to the busy one, where on arrival they open a closed short desk for the long line if
        // they are trained for it
        final PolicyStats versatile = runWithPool(twoCentres(List.of("long")), 220);
        final PolicyStats sameAsDesks = runWithPool(twoCentres(List.of("short")), 220);
        final int pool = twoCentres(List.of("long")).staff().size() - 1;

        assertTrue(versatile.moveLog.stream().anyMatch(m -> m[1] == pool && m[3] == 0), "the pool member is sent");
        assertTrue(sameAsDesks.overPromiseShare() > 0.1, "P(>15) " + sameAsDesks.overPromiseShare());
        assertTrue(versatile.overPromiseShare() < 0.3 * sameAsDesks.overPromiseShare(), "P(>15) "
            + versatile.overPromiseShare() + " vs " + sameAsDesks.overPromiseShare());
        assertTrue(versatile.meanWaitMinutes() < 0.3 * sameAsDesks.meanWaitMinutes(), "mean wait "
            + versatile.meanWaitMinutes() + " vs " + sameAsDesks.meanWaitMinutes());
    }

    @Test
    void withOknoLineWaitsABackOfficeMemberOnShiftAnswersAStuckLine()
    {
        // the long line of oneLongLine, with the long desk's second member trained for it as well. Under
        // okno+balancer (no pool) the manager sees the long line stuck and seats them, once on shift and free in
        // the back office, at a closed short desk for it; okno alone keeps to the hourly plan
        final List<PolicyStats> runs = oknoThenBalancer(6, 0.5);
        final PolicyStats okno = runs.get(0);
        final PolicyStats balancer = runs.get(1);

        assertEquals(okno.visitors, balancer.visitors, "the same visitors");
        assertEquals(0, balancer.moves, "one centre: nobody is sent");
        // only members already on shift answer; a later hour's plan, short of the member at the long line, may
        // call in one more: at most one shift more than the plan alone
        assertTrue(balancer.staffHoursPerDay() <= okno.staffHoursPerDay() + 12, balancer.staffHoursPerDay()
            + " vs " + okno.staffHoursPerDay() + " staff-h");
    }

    @Test
    void withEveryWindowOpenAMemberTrainedForTheStuckLineTakesOverAnIdleWindow()
    {
        // the centre with only three desks, staffed richly (beta 3: all open): no closed window is left for the long
        // line. Under okno+balancer the long desk's second member, on shift in the back office, takes over an idle
        // short desk and serves the long line from it; okno alone leaves the long line to its one desk
        oknoThenBalancer(3, 3.0);
    }

    /**
     * Runs okno, then okno+balancer (no pool), on {@link #oneLongLine} with {@code desks} desks and the long desk's
     * second member trained for the long service, and checks that the balancer's centre answers the long line: at
     * least half of okno's waits over the promise go.
     *
     * @return okno's statistics, then okno+balancer's
     */
    private static List<PolicyStats> oknoThenBalancer(final int desks, final double beta)
    {
        final NetworkConfig network = oneLongLine(List.of(), SERVICES.get(LONG), desks);
        final SimSettings settings = new SimSettings(network, 3, 1, TUESDAY,
            List.of(SimPolicy.OKNO, SimPolicy.BALANCER), 100, beta, ShiftRules.CITY, 0.0, 0);
        final List<PolicyStats> runs = new Simulation(settings, VisitorMix.CITY, true).run(Progress.NONE);
        final double okno = runs.get(0).overPromiseShare();
        final double balancer = runs.get(1).overPromiseShare();
        assertTrue(okno > 0.1, "P(>15) " + okno);
        assertTrue(balancer < 0.5 * okno, "P(>15) " + balancer + " vs " + okno);
        return runs;
    }

    private static PolicyStats runWithPool(final NetworkConfig network, final int visitors)
    {
        final SimSettings settings = new SimSettings(network, 3, 1, TUESDAY, List.of(SimPolicy.BALANCER), visitors,
            0.5, ShiftRules.CITY, 0.0, 1);
        return new Simulation(settings, VisitorMix.CITY, true).run(Progress.NONE).get(0);
    }

    /**
     * The centre of {@link #oneLongLine} without a pool, and 2 km away a quiet one of four short desks, two members
     * each, where one standby pool member trained for {@code poolSkills} starts the day.
     */
    private static NetworkConfig twoCentres(final List<String> poolSkills)
    {
        final NetworkConfig one = oneLongLine(poolSkills);
        final List<WindowDef> windowDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>(one.staff().subList(0, one.staff().size() - 1));
        for (int w = 0; w < 4; w++)
        {
            windowDefs.add(new WindowDef("w" + w, Map.of(SERVICES.get(SHORT), 5)));
            staff.add(new StaffDef("a" + w, "A" + w, "quiet", List.of(SERVICES.get(SHORT)), false));
            staff.add(new StaffDef("b" + w, "B" + w, "quiet", List.of(SERVICES.get(SHORT)), false));
        }
        staff.add(new StaffDef("pool", "Pool", "quiet", poolSkills, true));
        final CentreDef quiet = new CentreDef("quiet", "Quiet", "D", 55.75, 37.62 + 2 / 62.67, false,
            WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60)), windowDefs);
        return new NetworkConfig("two", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, one.services(),
            List.of(one.centres().get(0), quiet), staff, List.of());
    }

    /**
     * One centre open 08:00-20:00: desk 0 for a 20-minute service, desks 1-5 for a 5-minute one, two members per
     * desk (the long desk's first), all trained for the short service only but the long desk's own (so nobody in
     * the back office can answer the long line), and one standby pool member trained for {@code poolSkills}.
     */
    private static NetworkConfig oneLongLine(final List<String> poolSkills)
    {
        return oneLongLine(poolSkills, SERVICES.get(SHORT), 6);
    }

    /**
     * {@link #oneLongLine} with the long desk's second member trained for {@code secondSkill}, and {@code desks}
     * desks in all.
     */
    private static NetworkConfig oneLongLine(final List<String> poolSkills, final String secondSkill,
        final int desks)
    {
        final List<ServiceDef> services = List.of(
            new ServiceDef(SERVICES.get(LONG), "Long", "A", 20, Set.of(PriorityClass.NORMAL), 'A'),
            new ServiceDef(SERVICES.get(SHORT), "Short", "B", 5, Set.of(PriorityClass.NORMAL), 'B'));
        final List<WindowDef> windowDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        for (int w = 0; w < desks; w++)
        {
            final String service = SERVICES.get(w == 0 ? LONG : SHORT);
            windowDefs.add(new WindowDef("w" + w, Map.of(service, 5)));
            staff.add(new StaffDef("p" + w, "P" + w, "c", List.of(service), false));
            staff.add(new StaffDef("q" + w, "Q" + w, "c", List.of(w == 0 ? secondSkill : SERVICES.get(SHORT)), false));
        }
        staff.add(new StaffDef("pool", "Pool", "c", poolSkills, true));
        final CentreDef centre = new CentreDef("c", "C", "D", 55.75, 37.62, false,
            WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60)), windowDefs);
        return new NetworkConfig("line", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, services, List.of(centre),
            staff, List.of());
    }
}

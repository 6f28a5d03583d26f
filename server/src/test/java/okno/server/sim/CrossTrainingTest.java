package okno.server.sim;

import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.config.StaffDef;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo agencies in catalogue order: МВД, СФР, ФНС, Росреестр, ЗАГС, ДТСЗН, ДТ, МФЦ. */
class CrossTrainingTest
{
    private final NetworkConfig demo = Networks.demo();

    @Test
    void centreStaffLearnTheAgenciesAfterTheirOwn()
    {
        final NetworkConfig trained = CrossTraining.of(demo, 2);
        // s003: passport, foreign-passport, registration (МВД) -> also СФР and ФНС
        assertEquals(List.of("passport", "foreign-passport", "registration", "snils", "pension", "inn"),
            member(trained, "s003").skills());
        // s004: snils, pension (СФР), family-benefits (ДТСЗН), inn (ФНС), consult (МФЦ): own agency СФР -> ФНС and
        // Росреестр; what they knew stays
        assertEquals(List.of("snils", "pension", "family-benefits", "inn", "consult", "property"),
            member(trained, "s004").skills());
        assertEquals(member(demo, "s038").skills(), member(trained, "s038").skills(), "the standby pool keeps its own");
        assertEquals(demo.staff().size(), trained.staff().size());
    }

    @Test
    void noCrossTrainingIsTheNetworkItselfAndTooMuchIsRefused()
    {
        assertEquals(demo.staff(), CrossTraining.of(demo, 0).staff());
        final IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
            () -> CrossTraining.of(demo, 8));
        assertTrue(tooMany.getMessage().contains("0 to 7"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrossTraining.of(demo, -1));
    }

    @Test
    void thePlanCountsTheServicesCrossTrainedStaffBringToTheirDesks()
    {
        // moscow desks serve 2-3 of 10 agencies and their members just those: trained for two more, every member
        // who can sit at a desk brings them, so fewer windows cover each agency's load
        final NetworkConfig moscow = Networks.moscow(Networks.DEFAULT_SEED);
        final int plain = windowHours(moscow);
        final int cross = windowHours(CrossTraining.of(moscow, 2));
        assertTrue(cross < 0.95 * plain, "cross-trained " + cross + " vs " + plain + " window-hours");
    }

    private static int windowHours(final NetworkConfig network)
    {
        return StaffingPlan.of(new Workload(network, 30_000, 1, VisitorMix.CITY), DayOfWeek.TUESDAY, 0.5, true)
            .windowHours();
    }

    private static StaffDef member(final NetworkConfig network, final String id)
    {
        return network.staff().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}

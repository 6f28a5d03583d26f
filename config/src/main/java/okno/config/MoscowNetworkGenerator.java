package okno.config;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the Moscow-sized reference network from a seed: 5 flagships (10:00-22:00, 100-130 windows) and 125
 * district centres (08:00-20:00, 20-60 windows) with about 6,100 windows in all, 200 services of 10 agencies
 * (each centre offers about 98 % of them), windows that serve one main agency strongly and one or two others
 * weakly, staff for 125 % of the windows plus a 5 % standby pool, and kiosk/terminal tokens per centre.
 * Every random choice comes from one {@link SplittableRandom} in a fixed order, so a seed fixes the network.
 */
final class MoscowNetworkGenerator
{
    private static final int DISTRICT_CENTRES = 125;
    private static final int TARGET_WINDOWS = 6_100;
    private static final int MIN_WINDOWS = 20;
    private static final int MAX_WINDOWS = 60;
    private static final double SERVICE_AVAILABILITY = 0.98;
    private static final double STANDBY_SHARE = 0.05;
    private static final double MIN_LAT = 55.55;
    private static final double MAX_LAT = 55.92;
    private static final double MIN_LON = 37.35;
    private static final double MAX_LON = 37.85;

    private final long seed;
    private final SplittableRandom random;
    private final List<ServiceDef> services = new ArrayList<>();
    /** Service ids of each agency, in catalogue order. */
    private final List<List<String>> servicesByAgency = new ArrayList<>();
    private final List<StaffDef> staff = new ArrayList<>();

    MoscowNetworkGenerator(final long seed)
    {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    NetworkConfig generate()
    {
        generateServices();
        final List<CentreDef> centres = generateCentres();
        generateStandby(centres);
        final List<TokenDef> tokens = new ArrayList<>();
        for (final CentreDef centre : centres)
        {
            tokens.add(new TokenDef("kiosk-" + centre.id(), Role.KIOSK, centre.id()));
            tokens.add(new TokenDef("terminal-" + centre.id(), Role.TERMINAL, centre.id()));
        }
        tokens.add(new TokenDef("display-moscow", Role.DISPLAY, null));
        tokens.add(new TokenDef("operator-moscow", Role.OPERATOR, null));
        return new NetworkConfig("moscow", ZoneOffset.ofHours(3), seed, QueueRules.DEFAULT, services, centres,
            staff, tokens, List.of());
    }

    private void generateServices()
    {
        for (final MoscowCatalogue.Agency agency : MoscowCatalogue.AGENCIES)
        {
            final List<String> ids = new ArrayList<>();
            for (int base = 0; base < agency.services().size(); base++)
            {
                for (int variant = 0; variant < MoscowCatalogue.VARIANTS.size(); variant++)
                {
                    final String id = String.format("svc-%03d", services.size() + 1);
                    services.add(service(id, agency, base, variant));
                    ids.add(id);
                }
            }
            servicesByAgency.add(ids);
        }
    }

    private static ServiceDef service(final String id, final MoscowCatalogue.Agency agency, final int base,
        final int variant)
    {
        final int minutes = agency.minutes().get(base);
        // results and consultations are short; proxies take longer; only full visits can be booked ahead
        final int expected = switch (variant)
        {
            case 1 -> Math.max(3, minutes / 3);
            case 2 -> 5;
            case 3 -> minutes + 5;
            default -> minutes;
        };
        final Set<PriorityClass> priorities = EnumSet.of(PriorityClass.NORMAL, PriorityClass.ACCESSIBILITY);
        if (variant == 0 || variant == 3)
        {
            priorities.add(PriorityClass.APPOINTMENT);
        }
        return new ServiceDef(id, agency.services().get(base) + MoscowCatalogue.VARIANTS.get(variant),
            agency.name(), expected, priorities, agency.prefix());
    }

    private List<CentreDef> generateCentres()
    {
        final List<CentreDef> centres = new ArrayList<>();
        final WeeklyHours flagshipHours = WeeklyHours.everyDay(new DayHours(10 * 60, 22 * 60));
        int flagshipWindows = 0;
        for (final MoscowCatalogue.Flagship f : MoscowCatalogue.FLAGSHIPS)
        {
            final int windows = random.nextInt(100, 131);
            flagshipWindows += windows;
            centres.add(centre(f.id(), f.name(), f.okrug(), f.lat(), f.lon(), true, flagshipHours, windows));
        }
        final int[] windows = districtWindowCounts(TARGET_WINDOWS - flagshipWindows);
        final List<String[]> districts = new ArrayList<>();
        for (final MoscowCatalogue.Okrug okrug : MoscowCatalogue.OKRUGS)
        {
            for (final String district : okrug.districts())
            {
                districts.add(new String[]{okrug.name(), district});
            }
        }
        for (int i = 0; i < DISTRICT_CENTRES; i++)
        {
            // more centres than districts: the extra ones are second offices of randomly chosen districts
            final boolean second = i >= districts.size();
            final String[] district = districts.get(second ? random.nextInt(districts.size()) : i);
            final MoscowCatalogue.Okrug okrug = okrug(district[0]);
            final double lat = clamp(okrug.lat() + random.nextDouble(-0.045, 0.045), MIN_LAT, MAX_LAT);
            final double lon = clamp(okrug.lon() + random.nextDouble(-0.07, 0.07), MIN_LON, MAX_LON);
            final String name = "Центр госуслуг района " + district[1] + (second ? ", офис 2" : "");
            centres.add(centre(String.format("c%03d", i + 1), name, okrug.name(), lat, lon, false,
                HoursReader.DEFAULT, windows[i]));
        }
        return centres;
    }

    /** @return window counts in {@code MIN..MAX_WINDOWS} for the district centres, summing to {@code total}. */
    private int[] districtWindowCounts(final int total)
    {
        final int[] counts = new int[DISTRICT_CENTRES];
        int sum = 0;
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] = random.nextInt(MIN_WINDOWS, MAX_WINDOWS + 1);
            sum += counts[i];
        }
        // nudge random centres one window at a time until the network has exactly the target size
        while (sum != total)
        {
            final int i = random.nextInt(counts.length);
            final int step = sum < total ? 1 : -1;
            final int next = counts[i] + step;
            if (next >= MIN_WINDOWS && next <= MAX_WINDOWS)
            {
                counts[i] = next;
                sum += step;
            }
        }
        return counts;
    }

    private static MoscowCatalogue.Okrug okrug(final String name)
    {
        for (final MoscowCatalogue.Okrug okrug : MoscowCatalogue.OKRUGS)
        {
            if (okrug.name().equals(name))
            {
                return okrug;
            }
        }
        throw new IllegalStateException("okrug missing from the catalogue: " + name);
    }

    private static double clamp(final double value, final double min, final double max)
    {
        return Math.max(min, Math.min(max, value));
    }

    private CentreDef centre(final String id, final String name, final String okrug, final double lat,
        final double lon, final boolean flagship, final WeeklyHours hours, final int windowCount)
    {
        final List<List<String>> offered = new ArrayList<>();
        for (final List<String> agencyServices : servicesByAgency)
        {
            final List<String> here = new ArrayList<>();
            for (final String service : agencyServices)
            {
                if (random.nextDouble() < SERVICE_AVAILABILITY)
                {
                    here.add(service);
                }
            }
            offered.add(here);
        }
        final int agencies = offered.size();
        final int rotation = random.nextInt(agencies);
        final List<WindowDef> windows = new ArrayList<>(windowCount);
        for (int w = 0; w < windowCount; w++)
        {
            // main agencies go round-robin, so every agency (and every offered service) has windows here
            final int main = (w + rotation) % agencies;
            final int[] extra = {(main + 1 + random.nextInt(agencies - 1)) % agencies,
                random.nextBoolean() ? (main + 1 + random.nextInt(agencies - 1)) % agencies : main};
            final Map<String, Integer> skills = new LinkedHashMap<>();
            final List<String> staffSkills = new ArrayList<>();
            for (final String service : offered.get(main))
            {
                skills.put(service, random.nextInt(6, 11));
                staffSkills.add(service);
            }
            for (final int agency : extra)
            {
                for (final String service : offered.get(agency))
                {
                    if (skills.putIfAbsent(service, random.nextInt(1, 6)) == null)
                    {
                        staffSkills.add(service);
                    }
                }
            }
            windows.add(new WindowDef(Integer.toString(w + 1), skills));
            addStaff(id, staffSkills, false);
            if (w % 4 == 3)
            {
                addStaff(id, staffSkills, false);
            }
        }
        return new CentreDef(id, name, okrug, lat, lon, flagship, hours, windows);
    }

    private void generateStandby(final List<CentreDef> centres)
    {
        final int standby = (int)Math.round(staff.size() * STANDBY_SHARE / (1 - STANDBY_SHARE));
        for (int i = 0; i < standby; i++)
        {
            // the standby pool is versatile: it must be useful wherever the balancer sends it
            final CentreDef home = centres.get(random.nextInt(centres.size()));
            final List<String> skills = new ArrayList<>();
            final int first = random.nextInt(servicesByAgency.size());
            for (int a = 0; a < 4; a++)
            {
                skills.addAll(servicesByAgency.get((first + a) % servicesByAgency.size()));
            }
            addStaff(home.id(), skills, true);
        }
    }

    private void addStaff(final String home, final List<String> skills, final boolean standby)
    {
        final String surname = MoscowCatalogue.SURNAMES.get(random.nextInt(MoscowCatalogue.SURNAMES.size()));
        final String initials = MoscowCatalogue.INITIALS;
        final String name = surname + (random.nextBoolean() ? "а" : "") + " "
            + initials.charAt(random.nextInt(initials.length())) + ". "
            + initials.charAt(random.nextInt(initials.length())) + ".";
        staff.add(new StaffDef(String.format("s%05d", staff.size() + 1), name, home, skills, standby));
    }
}

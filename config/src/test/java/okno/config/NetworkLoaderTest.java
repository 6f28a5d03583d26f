package okno.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkLoaderTest
{
    /** A valid network; the line numbers in the comments are what the problem tests refer to. */
    private static final String VALID = String.join("\n",
        "network: t",                                                                     // 1
        "services:",                                                                      // 2
        "  - {id: passport, name: Паспорт, agency: МВД, expectedMinutes: 12, prefix: A, priorities: [accessibility]}",
        "  - {id: snils, name: СНИЛС, expectedMinutes: 7, prefix: C}",                    // 4
        "centres:",                                                                       // 5
        "  - id: north",                                                                  // 6
        "    name: Север",                                                                // 7
        "    lat: 55.8",                                                                  // 8
        "    lon: 37.6",                                                                  // 9
        "    hours: {default: \"08:00-20:00\", sun: closed}",                             // 10
        "    windows:",                                                                   // 11
        "      - {id: \"1\", skills: {passport: 2, snils: 1}}",                           // 12
        "      - {ids: \"2-3\", skills: {passport: 1}}",                                  // 13
        "staff:",                                                                         // 14
        "  - {id: s1, name: Иванова, home: north, skills: [passport], standby: true}",    // 15
        "tokens:",                                                                        // 16
        "  - {token: kiosk-north, role: kiosk, centre: north}",                           // 17
        "  - {token: op, role: operator}",                                                // 18
        "devices:",                                                                       // 19
        "  - {id: printer-1, kind: ticket-printer, centre: north, port: /dev/ttyUSB0, baud: 19200}", // 20
        "");

    @Test
    void loadsAValidDocumentWithDefaults()
    {
        final NetworkConfig config = NetworkLoader.fromString("t.yaml", VALID);

        assertEquals("t", config.name());
        assertEquals(ZoneOffset.ofHours(3), config.utcOffset());
        assertEquals(QueueRules.DEFAULT, config.rules());
        assertEquals(List.of("passport", "snils"), config.services().stream().map(ServiceDef::id).toList());
        final ServiceDef passport = config.services().get(0);
        assertEquals(new ServiceDef("passport", "Паспорт", "МВД", 12,
            Set.of(PriorityClass.NORMAL, PriorityClass.ACCESSIBILITY), 'A'), passport);
        assertEquals(Set.of(PriorityClass.NORMAL), config.services().get(1).priorities());
        final CentreDef north = config.centres().get(0);
        assertEquals(List.of(new WindowDef("1", Map.of("passport", 2, "snils", 1)),
            new WindowDef("2", Map.of("passport", 1)), new WindowDef("3", Map.of("passport", 1))), north.windows());
        assertEquals(List.of("passport", "snils"), List.copyOf(north.windows().get(0).skills().keySet()));
        assertEquals(new DayHours(480, 1200), north.hours().on(DayOfWeek.MONDAY));
        assertNull(north.hours().on(DayOfWeek.SUNDAY));
        assertFalse(north.flagship());
        assertEquals(List.of(new StaffDef("s1", "Иванова", "north", List.of("passport"), true)), config.staff());
        assertEquals(List.of(new TokenDef("kiosk-north", Role.KIOSK, "north"), new TokenDef("op", Role.OPERATOR,
            null)), config.tokens());
        assertEquals(List.of(new DeviceDef("printer-1", DeviceKind.TICKET_PRINTER, "north", "/dev/ttyUSB0", 19200, 0,
            null, null)), config.devices());
    }

    @Test
    void readsRulesOffsetSeedAndScalarHours()
    {
        final String yaml = VALID.replace("network: t", "network: t\nutcOffset: \"+05:00\"\nseed: 9000000000\n"
            + "rules: {promiseMinutes: 20, travelKmPerHour: 25}").replace("hours: {default: \"08:00-20:00\", "
            + "sun: closed}", "hours: \"10:00-22:00\"");

        final NetworkConfig config = NetworkLoader.fromString("t.yaml", yaml);

        assertEquals(ZoneOffset.ofHours(5), config.utcOffset());
        assertEquals(9_000_000_000L, config.seed());
        assertEquals(20, config.rules().promiseMinutes());
        assertEquals(25, config.rules().travelKmPerHour());
        assertEquals(QueueRules.DEFAULT.maxCalls(), config.rules().maxCalls());
        assertEquals(WeeklyHours.everyDay(new DayHours(600, 1320)), config.centres().get(0).hours());
    }

    /**
     * Each case: text to replace in {@link #VALID}, its replacement, the line and the token (first occurrence on
     * that line) where the problem must be reported, and the expected "path: message".
     */
    static Stream<Arguments> singleProblems()
    {
        return Stream.of(
            Arguments.of("passport: 2", "pasport: 2", 12, "pasport",
                "centres[0].windows[0].skills.pasport: unknown service 'pasport'"),
            Arguments.of("    lat: 55.8", "    lat: 55.8\n    colour: red", 9, "colour",
                "centres[0].colour: unknown key 'colour' (allowed: id, name, district, lat, lon, flagship, hours, "
                    + "windows)"),
            Arguments.of("    name: Север\n", "", 6, "id", "centres[0].name: missing required field 'name'"),
            Arguments.of("expectedMinutes: 12", "expectedMinutes: twelve", 3, "twelve",
                "services[0].expectedMinutes: expected an integer, got string 'twelve'"),
            Arguments.of("expectedMinutes: 12", "expectedMinutes: 500", 3, "500",
                "services[0].expectedMinutes: integer 500 is out of range 1..480"),
            Arguments.of("snils: 1}", "snils: 11}", 12, "11", "centres[0].windows[0].skills.snils: integer 11 is "
                + "out of range 1..10"),
            Arguments.of("lat: 55.8", "lat: 95.5", 8, "95.5",
                "centres[0].lat: number 95.5 is out of range -90.0..90.0"),
            Arguments.of("lon: 37.6", "lon: east", 9, "east", "centres[0].lon: expected a number, got string 'east'"),
            Arguments.of("baud: 19200", "baud: 12345", 20, "12345", "devices[0].baud: unsupported baud rate 12345 "
                + "(supported: 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)"),
            Arguments.of("prefix: C", "prefix: CD", 4, "CD", "services[1].prefix: prefix must be one letter A-Z, "
                + "got 'CD'"),
            Arguments.of("prefix: C", "prefix: c", 4, "c}",
                "services[1].prefix: prefix must be one letter A-Z, got 'c'"),
            Arguments.of("standby: true", "standby: often", 15, "often",
                "staff[0].standby: expected true or false, got string 'often'"),
            Arguments.of("\"08:00-20:00\"", "\"08:00-24:30\"", 10, "\"08", "centres[0].hours.default: in "
                + "'08:00-24:30' 24:30 is not a time of day (00:00..24:00)"),
            Arguments.of("\"08:00-20:00\"", "\"20:00-08:00\"", 10, "\"20", "centres[0].hours.default: in "
                + "'20:00-08:00' the opening time is not before the closing time"),
            Arguments.of("\"08:00-20:00\"", "\"8 to 20\"", 10, "\"8", "centres[0].hours.default: expected "
                + "'HH:MM-HH:MM' or 'closed', got '8 to 20'"),
            Arguments.of("sun: closed", "sunday: closed", 10, "sunday", "centres[0].hours.sunday: unknown key "
                + "'sunday' (allowed: default, mon, tue, wed, thu, fri, sat, sun)"),
            Arguments.of("  - {id: snils,",
                "  - {id: passport, name: x, expectedMinutes: 1, prefix: A}\n  - {id: snils,", 4, "passport",
                "services[1].id: duplicate service id "
                + "'passport' (first at line 3)"),
            Arguments.of("{id: \"1\",", "{id: \"3\",", 13, "{", "centres[0].windows[1]: duplicate window id '3' "
                + "(first at line 12)"),
            Arguments.of("token: op,", "token: kiosk-north,", 18, "kiosk-north", "tokens[1].token: duplicate token "
                + "id 'kiosk-north' (first at line 17)"),
            Arguments.of("home: north", "home: south", 15, "south", "staff[0].home: unknown centre 'south'"),
            Arguments.of("skills: [passport]", "skills: [passport, pasport]", 15, "pasport]",
                "staff[0].skills[1]: unknown service 'pasport'"),
            Arguments.of("role: kiosk, centre: north", "role: kiosk, centre: south", 17, "south",
                "tokens[0].centre: unknown centre 'south'"),
            Arguments.of("role: kiosk, centre: north", "role: kiosk", 17, "{", "tokens[0].centre: kiosk tokens are "
                + "scoped to one centre: 'centre' is required"),
            Arguments.of("role: operator", "role: admin", 18, "admin", "tokens[1].role: unknown role 'admin' "
                + "(known: kiosk, terminal, display, operator)"),
            Arguments.of("kind: ticket-printer, centre: north", "kind: ticket-printer, centre: south", 20, "south",
                "devices[0].centre: unknown centre 'south'"),
            Arguments.of("baud: 19200}", "baud: 19200, window: \"9\"}", 20, "\"9\"",
                "devices[0].window: unknown window '9' in centre 'north'"),
            Arguments.of("kind: ticket-printer", "kind: printer", 20, "printer, c", "devices[0].kind: unknown device "
                + "kind 'printer' (known: ticket-printer, window-display, hall-board, rating-panel)"),
            Arguments.of("priorities: [accessibility]", "priorities: [accessibility, vip]", 3, "vip",
                "services[0].priorities[1]: unknown priority 'vip' (known: normal, accessibility, appointment)"),
            Arguments.of("network: t", "network: t\nutcOffset: \"+25:00\"", 2, "\"+25",
                "utcOffset: invalid UTC offset '+25:00' (expected e.g. \"+03:00\")"),
            Arguments.of("    lon: 37.6", "    lon: 37.6\n    lon: 37.7", 10, "lon",
                "centres[0].lon: duplicate key 'lon' (first at line 9)"),
            Arguments.of("staff:", "  - {id: north, name: Юг, lat: 55.6, lon: 37.6, windows: [{id: \"1\", skills: "
                + "{snils: 1}}]}\nstaff:", 14, "north", "centres[1].id: duplicate centre id 'north' (first at line 6)"),
            Arguments.of("tokens:", "  - {id: s1, name: Петров, home: north, skills: [snils]}\ntokens:", 16, "s1",
                "staff[1].id: duplicate staff id 's1' (first at line 15)"),
            Arguments.of("baud: 19200}", "baud: 19200}\n  - {id: printer-1, kind: hall-board, centre: north, "
                + "port: /dev/ttyUSB1}", 21, "printer-1", "devices[1].id: duplicate device id 'printer-1' (first at "
                + "line 20)"),
            Arguments.of("kind: ticket-printer", "kind: window-display", 20, "{", "devices[0].window: a "
                + "window-display serves one window: 'window' is required"),
            Arguments.of("role: operator", "role: operator, centre: north", 18, "north",
                "tokens[1].centre: operator tokens are network-wide: remove 'centre'"),
            Arguments.of("role: kiosk, centre: north", "role: terminal", 17, "{", "tokens[0].centre: terminal tokens "
                + "are scoped to one centre: 'centre' is required"),
            Arguments.of("baud: 19200}", "baud: 19200, kiosk: kiosk-south}", 20, "kiosk-south",
                "devices[0].kiosk: unknown token 'kiosk-south'"),
            Arguments.of("baud: 19200}", "baud: 19200, kiosk: op}", 20, "op}", "devices[0].kiosk: token 'op' has "
                + "role operator; a printer sits in a kiosk, whose token has role kiosk"),
            Arguments.of("baud: 19200}", "baud: 19200, kiosk: kiosk-north}\n  - {id: printer-2, kind: "
                + "ticket-printer, centre: north, port: /dev/ttyUSB1, kiosk: kiosk-north}", 21, "kiosk-north}",
                "devices[1].kiosk: kiosk 'kiosk-north' already has a printer ('printer-1' at line 20)"),
            Arguments.of("kind: ticket-printer, centre: north, port: /dev/ttyUSB0, baud: 19200}", "kind: hall-board, "
                + "centre: north, port: /dev/ttyUSB0, kiosk: kiosk-north}", 20, "kiosk-north", "devices[0].kiosk: "
                + "only a ticket-printer sits in a kiosk; a hall-board cannot name one"),
            Arguments.of("ids: \"2-3\"", "ids: \"3-2\"", 13, "\"3-2\"", "centres[0].windows[1].ids: expected a window "
                + "number range like \"2-6\" (at most 500 windows), got '3-2'"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("singleProblems")
    void reportsEachProblemWithFileLineColumnAndPath(final String target, final String replacement, final int line,
        final String token, final String expected)
    {
        assertTrue(VALID.contains(target), "test case does not apply: " + target);
        final String yaml = VALID.replace(target, replacement);

        final List<ConfigProblem> problems = problemsOf(yaml);

        assertEquals(List.of(at(yaml, line, token) + expected), formatted(problems));
    }

    @Test
    void bindsEachPrinterToAKioskOfItsOwnCentre()
    {
        final String yaml = VALID.replace("  - {token: op,", "  - {token: kiosk-north-2, role: kiosk, centre: north}\n"
            + "  - {token: op,").replace("baud: 19200}", "baud: 19200, kiosk: kiosk-north-2}\n"
            + "  - {id: printer-2, kind: ticket-printer, centre: north, port: /dev/ttyUSB1}");

        final NetworkConfig config = NetworkLoader.fromString("t.yaml", yaml);

        assertEquals(List.of("kiosk-north-2", "-"), config.devices().stream()
            .map(d -> d.kiosk() == null ? "-" : d.kiosk()).toList());
        final NetworkIndex index = new NetworkIndex(config);
        assertEquals(0, index.kiosk("kiosk-north"));
        assertEquals(1, index.kiosk("kiosk-north-2"));
        assertEquals(-1, index.kiosk("op"));
        assertEquals(-1, index.kiosk("nobody"));
        assertEquals(-1, index.kiosk(null));
    }

    @Test
    void refusesAPrinterInAKioskOfAnotherCentre()
    {
        final String yaml = VALID.replace("staff:", "  - {id: south, name: Юг, lat: 55.6, lon: 37.6, windows: "
            + "[{id: \"1\", skills: {snils: 1}}]}\nstaff:").replace("role: operator}", "role: kiosk, centre: south}")
            .replace("baud: 19200}", "baud: 19200, kiosk: op}");

        assertEquals(List.of(at(yaml, 21, "op}") + "devices[0].kiosk: kiosk 'op' belongs to centre 'south', not to "
            + "the printer's centre 'north'"), formatted(problemsOf(yaml)));
    }

    @Test
    void reportsAllProblemsInDocumentOrder()
    {
        final String yaml = VALID.replace("home: north", "home: south")
            .replace("expectedMinutes: 7", "expectedMinutes: 0")
            .replace("passport: 2", "pasport: 2")
            .replace("role: operator", "role: admin")
            .replace("baud: 19200}", "baud: 19200, window: \"1\"}");

        final List<String> problems = formatted(problemsOf(yaml));

        assertEquals(List.of(
            at(yaml, 4, "0,") + "services[1].expectedMinutes: integer 0 is out of range 1..480",
            at(yaml, 12, "pasport") + "centres[0].windows[0].skills.pasport: unknown service 'pasport'",
            at(yaml, 15, "south") + "staff[0].home: unknown centre 'south'",
            at(yaml, 18, "admin") + "tokens[1].role: unknown role 'admin' (known: kiosk, terminal, display, operator)"),
            problems);
    }

    @Test
    void reportsSyntaxErrorsWithTheirLine()
    {
        final String yaml = "network: t\nservices:\n  - id: a\n   name: b\n";

        final List<ConfigProblem> problems = problemsOf(yaml);

        assertEquals(1, problems.size());
        assertEquals(4, problems.get(0).line());
        assertTrue(problems.get(0).format().startsWith("t.yaml:4:"), problems.get(0).format());
        assertTrue(problems.get(0).message().startsWith("YAML syntax error: "), problems.get(0).message());
    }

    @Test
    void reportsDocumentsThatAreNotANetwork()
    {
        assertEquals(List.of("t.yaml:1:1: the document is empty"), formatted(problemsOf("")));
        assertEquals(List.of("t.yaml:1:1: expected a mapping, got a list"), formatted(problemsOf("- a\n- b\n")));
        assertEquals(List.of("t.yaml:1:1: network: missing required field 'network'",
            "t.yaml:1:1: services: missing required field 'services'",
            "t.yaml:1:1: centres: missing required field 'centres'"), formatted(problemsOf("seed: 1\n")));
    }

    @Test
    void namesTheFileItWasGiven(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, VALID.replace("home: north", "home: south"), StandardCharsets.UTF_8);

        final ConfigException e = assertThrows(ConfigException.class, () -> NetworkLoader.fromFile(file));

        assertEquals(List.of(file + ":15:35: staff[0].home: unknown centre 'south'"), formatted(e.problems()));
        assertEquals(file + ":15:35: staff[0].home: unknown centre 'south'", e.getMessage());
    }

    @Test
    void loadsAValidFileAndReportsAMissingOne(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("ok.yaml");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        assertEquals(NetworkLoader.fromString("x", VALID), NetworkLoader.fromFile(file));

        final Path missing = dir.resolve("missing.yaml");
        final ConfigException e = assertThrows(ConfigException.class, () -> NetworkLoader.fromFile(missing));
        assertEquals(List.of(missing + ": no such file"), formatted(e.problems()));
    }

    private static List<ConfigProblem> problemsOf(final String yaml)
    {
        return assertThrows(ConfigException.class, () -> NetworkLoader.fromString("t.yaml", yaml)).problems();
    }

    private static List<String> formatted(final List<ConfigProblem> problems)
    {
        return problems.stream().map(ConfigProblem::format).toList();
    }

    /** @return {@code "t.yaml:line:column: "} where column is that of the token's first occurrence on the line. */
    private static String at(final String yaml, final int line, final String token)
    {
        final String text = yaml.split("\n", -1)[line - 1];
        final int column = text.indexOf(token) + 1;
        assertTrue(column > 0, "token '" + token + "' not on line " + line + ": " + text);
        return "t.yaml:" + line + ":" + column + ": ";
    }
}

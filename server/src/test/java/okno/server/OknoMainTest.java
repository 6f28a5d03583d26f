package okno.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OknoMainTest
{
    @Test
    void serveWithoutConfigSummarisesTheDemoNetwork()
    {
        final CliRun run = CliRun.of("serve", "--check");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("network 'demo' (UTC+03:00, seed 42)"), run.out());
        assertTrue(run.out().contains("centres   4 (1 flagship)"), run.out());
        assertTrue(run.out().contains("windows   40"), run.out());
        assertTrue(run.out().contains("services  11"), run.out());
        assertTrue(run.out().contains("staff     41 (4 standby)"), run.out());
        assertTrue(run.out().contains("tokens    11"), run.out());
        assertTrue(run.out().contains("kiosk     kiosk-tverskoy         centre tverskoy"), run.out());
        assertTrue(run.out().contains("kiosk     kiosk-vdnh-2           centre vdnh"), run.out());
        assertTrue(run.out().contains("device    printer-vdnh-2       ticket-printer  vdnh kiosk kiosk-vdnh-2  "
            + "/dev/ttyUSB5 19200 baud"), run.out());
        assertTrue(run.out().contains("terminal  terminal-maryino       centre maryino"), run.out());
        assertTrue(run.out().contains("display   display-demo           network"), run.out());
        assertTrue(run.out().contains("operator  operator-demo          network"), run.out());
        assertTrue(run.out().contains("HTTP port 8080, TCP port 7070"), run.out());
    }

    @Test
    void serveReportsEveryProblemOfABrokenFileWithExitCode2(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("broken.yaml");
        Files.writeString(file, String.join("\n",
            "network: broken",
            "services:",
            "  - {id: passport, name: Паспорт, expectedMinutes: 999, prefix: A}",
            "centres:",
            "  - {id: north, name: Север, lat: 55.8, lon: 37.6, windows: [{id: \"1\", skills: {pasport: 1}}]}",
            ""), StandardCharsets.UTF_8);

        final CliRun run = CliRun.of("serve", "--config", file.toString());

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of(
            file + ":3:52: services[0].expectedMinutes: integer 999 is out of range 1..480",
            file + ":5:81: centres[0].windows[0].skills.pasport: unknown service 'pasport'",
            "okno serve: 2 problem(s) in the network configuration"), run.err().lines().toList());
    }

    @Test
    void serveReportsAYamlSyntaxErrorWithItsLine(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("syntax.yaml");
        Files.writeString(file, "network: x\nservices:\n  - id: a\n   name: b\n", StandardCharsets.UTF_8);

        final CliRun run = CliRun.of("serve", "--config", file.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith(file + ":4:"), run.err());
        assertTrue(run.err().contains("YAML syntax error"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void serveLoadsAValidFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, String.join("\n",
            "network: tiny",
            "services: [{id: passport, name: Паспорт, expectedMinutes: 12, prefix: A}]",
            "centres: [{id: north, name: Север, lat: 55.8, lon: 37.6,",
            "           windows: [{ids: \"1-3\", skills: {passport: 1}}]}]",
            ""), StandardCharsets.UTF_8);

        final CliRun run = CliRun.of("serve", "--check", "--config", file.toString(), "--http-port", "9090");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("network 'tiny'"), run.out());
        assertTrue(run.out().contains("windows   3"), run.out());
        assertTrue(run.out().contains("HTTP port 9090"), run.out());
    }

    @Test
    void usageErrorsExitWith2()
    {
        assertEquals(2, CliRun.of().exitCode());
        assertEquals(2, CliRun.of("serve", "--http-port", "70000").exitCode());
        final CliRun missing = CliRun.of("serve", "--config", "/nonexistent/okno.yaml");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("/nonexistent/okno.yaml: no such file"), missing.err());
        final CliRun unknown = CliRun.of("serve", "--network", "atlantis", "--check");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown network 'atlantis' (known: demo, moscow)"), unknown.err());
        final CliRun badStages = CliRun.of("serve", "--stages", "many", "--check");
        assertEquals(2, badStages.exitCode());
        assertTrue(badStages.err().contains("--stages must be auto, fused or parallel, got many"), badStages.err());
        final CliRun badUrl = CliRun.of("serve", "--public-url", "okno.example:8080", "--check");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("--public-url must be an http(s) URL"), badUrl.err());
    }

    @Test
    void serveChecksTheShippedMoscowNetwork()
    {
        final CliRun run = CliRun.of("serve", "--network", "moscow", "--check");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("network 'moscow'"), run.out());
        assertTrue(run.out().contains("centres   130 (5 flagships)"), run.out());
    }
}

package okno.engine.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a child JVM running the pipeline with SIGKILL at seeded random points, restarts it over the same
 * data directory, and checks that nothing acknowledged is lost or changed, that no ticket number is issued
 * twice, and that each recovery gives the state hash of an independent replay of the journal.
 */
class CrashRecoveryTest
{
    private static final int ROUNDS = 3;
    private static final int KEYS_PER_ROUND = 4000;
    private static final int RETRIED_PER_ROUND = 300;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void acknowledgedTicketsSurviveKillNine(final PipelineStages stages) throws Exception
    {
        final Path data = dir.resolve("data");
        final Random random = new Random(20_260_611L);
        final Map<Long, Integer> ackedTicket = new HashMap<>();
        long previousFirst = 1;
        int retried = 0;
        int kills = 0;
        for (int r = 0; r <= ROUNDS; r++)
        {
            final int round = r;
            final long expectedHash = round == 0
                ? new CountingStateMachine(CrashChild.CENTRES).stateHash()
                : Replay.fullJournal(data, new CountingStateMachine(CrashChild.CENTRES)).stateHash();
            final long firstKey = 1 + (long)round * KEYS_PER_ROUND;
            final boolean kill = round < ROUNDS;
            // The child runs at most a pipe buffer (~1,800 lines) plus a ring ahead of this reader, so killing
            // within the first 1,500 acknowledgements of 4,300 always hits it mid-run.
            final int killAfter = 100 + random.nextInt(1400);
            final Process child = startChild(data, firstKey, previousFirst, retried, round, stages);
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                final String recovered = in.readLine();
                assertNotNull(recovered, () -> "child died before recovering: " + stderr(round));
                assertEquals("RECOVERED " + expectedHash, recovered.substring(0, recovered.lastIndexOf(' ')),
                    "recovered state equals an independent replay of the journal");
                int acks = 0;
                String line;
                while ((line = in.readLine()) != null && !line.equals("DONE"))
                {
                    checkAck(line, ackedTicket);
                    if (kill && ++acks == killAfter)
                    {
                        child.destroyForcibly();
                        kills++;
                        break;
                    }
                }
                if (!kill)
                {
                    assertEquals("DONE", line, () -> "clean run ends: " + stderr(round));
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exits");
            if (kill)
            {
                assertEquals(137, child.exitValue(), "killed by SIGKILL while running, not finished before");
            }
            else
            {
                assertEquals(0, child.exitValue(), () -> stderr(round));
            }
            previousFirst = firstKey;
            retried = RETRIED_PER_ROUND;
        }
        assertEquals(ROUNDS, kills, "one kill point per round");
        checkFinalState(data, ackedTicket);
    }

    private static void checkAck(final String line, final Map<Long, Integer> ackedTicket)
    {
        final String[] f = line.split(" ");
        assertEquals("ACK", f[0], line);
        final long key = Long.parseLong(f[1]);
        if (CrashChild.centreOf(key) == CrashChild.CENTRES)
        {
            assertEquals("UNKNOWN_CENTRE", f[2], line);
            return;
        }
        assertEquals("OK", f[2], line);
        final int ticket = Integer.parseInt(f[4]);
        final Integer earlier = ackedTicket.putIfAbsent(key, ticket);
        if (earlier != null)
        {
            assertEquals(earlier.intValue(), ticket, "a retried acknowledged request keeps its ticket: " + line);
            assertEquals("true", f[5], line);
        }
    }

    private static void checkFinalState(final Path data, final Map<Long, Integer> ackedTicket) throws IOException
    {
        final ReplayReport check = Replay.check(data, () -> new CountingStateMachine(CrashChild.CENTRES));
        assertTrue(check.ok(), check.errors().toString());
        final CountingStateMachine state = new CountingStateMachine(CrashChild.CENTRES);
        final ReplayReport viaSnapshot = Replay.fromSnapshot(data, state);
        assertEquals(check.stateHash(), viaSnapshot.stateHash());
        ackedTicket.forEach((key, ticket) ->
        {
            assertEquals(CrashChild.centreOf(key), state.centreFor(key), "acknowledged key " + key + " is kept");
            assertEquals(ticket.intValue(), state.ticketFor(key), "acknowledged key " + key + " keeps its ticket");
        });
        final BitSet[] serials = new BitSet[CrashChild.CENTRES];
        for (int c = 0; c < serials.length; c++)
        {
            serials[c] = new BitSet();
        }
        for (final long key : state.requestKeys())
        {
            final int serial = okno.engine.api.TicketNumber.serial(state.ticketFor(key));
            final BitSet seen = serials[state.centreFor(key)];
            assertFalse(seen.get(serial), "ticket serial " + serial + " issued twice");
            seen.set(serial);
        }
        for (int c = 0; c < serials.length; c++)
        {
            assertEquals(state.issued(c), serials[c].cardinality(), "every issued ticket belongs to one request");
            assertEquals(state.issued(c), serials[c].length() - 1, "serials 1..n without gaps");
        }
    }

    private Process startChild(final Path data, final long firstKey, final long retryFirst, final int retryCount,
        final int round, final PipelineStages stages) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : System.getProperty("okno.jvm.flags", "").trim().split("\\s+"))
        {
            if (!flag.isEmpty())
            {
                command.add(flag);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(data.toString());
        command.add(Long.toString(firstKey));
        command.add(Integer.toString(KEYS_PER_ROUND));
        command.add(Long.toString(retryFirst));
        command.add(Integer.toString(retryCount));
        command.add(stages.name());
        return new ProcessBuilder(command).redirectError(dir.resolve("child-" + round + ".err").toFile()).start();
    }

    private String stderr(final int round)
    {
        try
        {
            return Files.readString(dir.resolve("child-" + round + ".err"));
        }
        catch (final IOException ex)
        {
            return "(no stderr: " + ex + ")";
        }
    }
}

package okno.engine.state;

import okno.config.NetworkConfig;
import okno.engine.RandomCommands;
import okno.engine.RecordedEvent;
import okno.engine.TestNetworks;
import okno.engine.api.CentreCounters;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random streams of valid and invalid commands: invariants hold after every step; a replay of the journal
 * (commands encoded and decoded as the journal does) gives the same events and hash; a snapshot taken mid-stream
 * and continued gives the same final hash as the uninterrupted run.
 */
class RandomStreamPropertyTest
{
    private static final int COMMANDS = 20_000;

    static Stream<Arguments> streams()
    {
        return Stream.of(
            Arguments.of("small", TestNetworks.small(), 1L),
            Arguments.of("small", TestNetworks.small(), 2L),
            Arguments.of("small", TestNetworks.small(), 3L),
            Arguments.of("generated", TestNetworks.generated(3, 4, 6), 4L));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("streams")
    void invariantsReplayAndSnapshot(final String name, final NetworkConfig config, final long seed) throws IOException
    {
        final UnsafeBuffer journal = new UnsafeBuffer(new byte[COMMANDS * Command.ENCODED_LENGTH]);
        final RandomCommands commands = new RandomCommands(config, seed, TestNetworks.monday(7, 30));
        final NetworkState live = new NetworkState(config);
        final List<RecordedEvent> liveEvents = new ArrayList<>();
        final Command slot = new Command();
        final Set<Result> results = EnumSet.noneOf(Result.class);
        final Set<EventType> eventTypes = EnumSet.noneOf(EventType.class);
        final Result[] liveResults = new Result[COMMANDS];
        final int[] liveTickets = new int[COMMANDS];
        byte[] snapshot = null;
        long hashAtSnapshot = 0;
        int eventsAtSnapshot = 0;
        int[][] waitsAtSnapshot = null;
        for (int i = 0; i < COMMANDS; i++)
        {
            if (i == COMMANDS / 2)
            {
                waitsAtSnapshot = predictedWaits(config, live);
                snapshot = snapshot(live);
                hashAtSnapshot = live.stateHash();
                eventsAtSnapshot = liveEvents.size();
            }
            commands.next(slot);
            slot.encode(journal, i * Command.ENCODED_LENGTH);
            final int before = liveEvents.size();
            final boolean timeStays = slot.timestampMs <= live.nowMs();
            final long hashBefore = timeStays ? live.stateHash() : 0;
            live.apply(slot, e -> liveEvents.add(RecordedEvent.copyOf(e)));
            commands.observe(slot);
            results.add(slot.result);
            liveResults[i] = slot.result;
            liveTickets[i] = slot.resultTicket;
            live.validateInternalState();
            checkCounters(live);
            if (slot.result != Result.OK)
            {
                final RecordedEvent last = liveEvents.get(liveEvents.size() - 1);
                assertEquals(EventType.REJECTED, last.type());
                assertEquals(slot.result, last.reason());
                if (timeStays)
                {
                    assertEquals(1, liveEvents.size() - before, "one event for a rejection");
                    assertEquals(hashBefore, live.stateHash(), "a rejection changes nothing");
                }
            }
            for (int e = before; e < liveEvents.size(); e++)
            {
                eventTypes.add(liveEvents.get(e).type());
            }
        }
        assertTrue(results.size() > 25, "results seen: " + results);
        assertTrue(eventTypes.containsAll(EnumSet.of(EventType.TICKET_CALLED, EventType.SERVICE_COMPLETED,
            EventType.TRANSFERRED, EventType.DAY_STARTED, EventType.STAFF_ARRIVED, EventType.CHECKED_IN,
            EventType.NO_SHOW, EventType.RATED)), "events seen: " + eventTypes);

        final NetworkState replayed = new NetworkState(config);
        final List<RecordedEvent> replayEvents = new ArrayList<>();
        replay(replayed, journal, 0, COMMANDS, replayEvents);
        assertEquals(live.stateHash(), replayed.stateHash());
        assertEquals(liveEvents, replayEvents);
        assertArrayEquals(snapshot(live), snapshot(replayed), "equal states write equal snapshots");

        replayWithoutResults(config, journal, live, liveResults, liveTickets, waitsAtSnapshot);

        final NetworkState restored = new NetworkState(config);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)));
        assertEquals(hashAtSnapshot, restored.stateHash());
        restored.validateInternalState();
        final List<RecordedEvent> tailEvents = new ArrayList<>();
        replay(restored, journal, COMMANDS / 2, COMMANDS, tailEvents);
        assertEquals(live.stateHash(), restored.stateHash(), "snapshot + tail = uninterrupted run");
        // derived indexes rebuilt from the snapshot (lines, waiting work, window flags) answer as the live ones did
        assertEquals(liveEvents.subList(eventsAtSnapshot, liveEvents.size()), tailEvents);
    }

    private static void replay(final NetworkState state, final UnsafeBuffer journal, final int from, final int to,
        final List<RecordedEvent> events)
    {
        final Command slot = new Command();
        for (int i = from; i < to; i++)
        {
            slot.decode(journal, i * Command.ENCODED_LENGTH);
            state.apply(slot, e -> events.add(RecordedEvent.copyOf(e)));
        }
    }

    /** {@link NetworkState#replay}: the same results, state and snapshot as the live run, no position or ETA. */
    private static void replayWithoutResults(final NetworkConfig config, final UnsafeBuffer journal,
        final NetworkState live, final Result[] liveResults, final int[] liveTickets, final int[][] waitsAtSnapshot)
        throws IOException
    {
        final NetworkState replayed = new NetworkState(config);
        final Command slot = new Command();
        int issued = 0;
        for (int i = 0; i < COMMANDS; i++)
        {
            if (i == COMMANDS / 2)
            {
                // a replay computes no answers, yet it leaves the state predicting what the live one predicts
                assertArrayEquals(waitsAtSnapshot, predictedWaits(config, replayed), "predictions mid-stream");
            }
            slot.decode(journal, i * Command.ENCODED_LENGTH);
            replayed.replay(slot);
            assertEquals(liveResults[i], slot.result, "result of command " + i);
            assertEquals(liveTickets[i], slot.resultTicket, "ticket of command " + i);
            assertEquals(-1, slot.resultPosition, "no position computed for command " + i);
            assertEquals(-1, slot.resultEtaSeconds, "no ETA computed for command " + i);
            if (slot.type == CommandType.ISSUE_TICKET && slot.result == Result.OK)
            {
                issued++;
            }
        }
        assertTrue(issued > 100, "tickets issued: " + issued);
        assertEquals(live.stateHash(), replayed.stateHash());
        assertArrayEquals(snapshot(live), snapshot(replayed), "a replay without results writes the live snapshot");
        assertArrayEquals(predictedWaits(config, live), predictedWaits(config, replayed), "predictions at the end");
        replayed.validateInternalState();
    }

    /** @return the predicted wait of a new ticket per centre and service */
    private static int[][] predictedWaits(final NetworkConfig config, final NetworkState state)
    {
        final int[][] waits = new int[config.centres().size()][config.services().size()];
        for (int c = 0; c < waits.length; c++)
        {
            for (int s = 0; s < waits[c].length; s++)
            {
                waits[c][s] = state.predictedWaitSeconds(c, s);
            }
        }
        return waits;
    }

    private static byte[] snapshot(final NetworkState state) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            state.writeSnapshot(out);
        }
        return bytes.toByteArray();
    }

    private static void checkCounters(final NetworkState state)
    {
        for (int c = 0; c < state.centreCount(); c++)
        {
            final CentreCounters n = state.counters(c);
            assertEquals(n.issued(), n.waiting() + n.called() + n.serving() + n.done() + n.noShow() + n.postponed()
                + n.cancelled());
        }
    }
}

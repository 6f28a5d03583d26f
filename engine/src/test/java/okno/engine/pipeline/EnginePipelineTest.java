package okno.engine.pipeline;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnginePipelineTest
{
    private static final int CENTRES = 3;
    private static final int UNKNOWN_CENTRE = 7;

    @TempDir
    Path data;

    /** Publisher-thread log: a reply or an event, in the order the publisher produced them. */
    private record Entry(boolean reply, int producer, int index, Result result, boolean duplicate, int centre,
        int ticket, EventType event)
    {
    }

    private static final class Submission
    {
        final int producer;
        final int index;
        final int centre;
        final long key;

        Submission(final int producer, final int index)
        {
            this.producer = producer;
            this.index = index;
            this.centre = index % 10 == 9 ? UNKNOWN_CENTRE : (producer + index) % CENTRES;
            // Every 7th command repeats the producer's previous request: an idempotent retry.
            final int keyIndex = index % 7 == 6 ? index - 1 : index;
            this.key = producer * 1_000_000L + keyIndex + 1;
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void commandsFromSeveralProducersAreAppliedOnceInRingOrderAndAnsweredAfterJournaling(final PipelineStages stages) throws Exception
    {
        final int producers = 4;
        final int perProducer = 1500;
        final List<Entry> log = new ArrayList<>();
        final CountDownLatch allReplied = new CountDownLatch(producers * perProducer);
        final AtomicInteger answeredBeforeJournaled = new AtomicInteger();
        final PipelineConfig config = PipelineConfig.defaults(data).withRingSize(256).withMaxRecordsPerDocument(64)
            .withStages(stages);
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000, 1)))
        {
            pipeline.start();
            final long[] repliedSoFar = new long[1];
            final ReplyListener replies = (correlation, command) ->
            {
                repliedSoFar[0]++;
                if (pipeline.journaledSequence() < repliedSoFar[0])
                {
                    answeredBeforeJournaled.incrementAndGet();
                }
                log.add(new Entry(true, (int)(correlation >>> 32), (int)correlation, command.result, command.duplicate,
                    command.centre, command.resultTicket, null));
                allReplied.countDown();
            };
            pipeline.addSubscriber(event -> log.add(
                new Entry(false, -1, -1, event.reason, false, event.centre, event.ticket, event.type)));
            final CommandTranslator<Submission> translator = (command, s) ->
            {
                command.type = CommandType.ISSUE_TICKET;
                command.centre = s.centre;
                command.requestKey = s.key;
            };
            final List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++)
            {
                final int producer = p;
                threads.add(new Thread(() ->
                {
                    for (int i = 0; i < perProducer; i++)
                    {
                        pipeline.submit(translator, new Submission(producer, i), replies, ((long)producer << 32) | i);
                    }
                }, "producer-" + p));
            }
            threads.forEach(Thread::start);
            assertTrue(allReplied.await(30, TimeUnit.SECONDS), "every command answered");
            for (final Thread t : threads)
            {
                t.join(10_000);
            }
            assertEquals(0, answeredBeforeJournaled.get(), "no reply before its command was journaled");
        }
        checkLog(log, producers, perProducer);
    }

    private static void checkLog(final List<Entry> log, final int producers, final int perProducer)
    {
        final int[] nextIndex = new int[producers];
        final int[] lastSerial = new int[CENTRES];
        final long[][] ticketOfIndex = new long[producers][perProducer];
        int replies = 0;
        for (int i = 0; i < log.size(); i++)
        {
            final Entry e = log.get(i);
            assertTrue(e.reply(), "an event without a command before it at " + i + ": " + e);
            replies++;
            assertEquals(nextIndex[e.producer()]++, e.index(), "a producer's commands are applied in its order");
            final Submission s = new Submission(e.producer(), e.index());
            if (s.centre == UNKNOWN_CENTRE)
            {
                assertEquals(Result.UNKNOWN_CENTRE, e.result());
                assertEquals(EventType.REJECTED, log.get(++i).event());
                continue;
            }
            assertEquals(Result.OK, e.result());
            if (e.index() % 7 == 6 && (e.index() - 1) % 10 != 9)
            {
                assertTrue(e.duplicate(), "a retried request is a duplicate");
                assertEquals(ticketOfIndex[e.producer()][e.index() - 1], e.ticket(), "a retry gets the same ticket");
                continue;
            }
            assertFalse(e.duplicate());
            final int serial = TicketNumber.serial(e.ticket());
            assertEquals(++lastSerial[e.centre()], serial, "tickets issued once each, in ring order");
            ticketOfIndex[e.producer()][e.index()] = e.ticket();
            final Entry event = log.get(++i);
            assertEquals(EventType.TICKET_ISSUED, event.event(), "the command's event follows its reply");
            assertEquals(e.ticket(), event.ticket());
            assertEquals(e.centre(), event.centre());
        }
        assertEquals(producers * perProducer, replies);
    }

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void batchesCarryEachCommandsCorrelationAndEndAfterTheLastReply(final PipelineStages stages) throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withRingSize(64).withStages(stages);
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000, 1)))
        {
            pipeline.start();
            final List<Long> correlations = new ArrayList<>();
            final List<Long> observed = new ArrayList<>();
            final AtomicInteger repliesAtLastEnd = new AtomicInteger(-1);
            final CountDownLatch ended = new CountDownLatch(1);
            final int count = 40;
            final BatchReplyListener listener = new BatchReplyListener()
            {
                @Override
                public void onReply(final long correlation, final Command command)
                {
                    correlations.add(correlation);
                }

                @Override
                public void onEndOfBatch()
                {
                    repliesAtLastEnd.set(correlations.size());
                    if (correlations.size() == count)
                    {
                        ended.countDown();
                    }
                }
            };
            pipeline.addReplyObserver((correlation, command) -> observed.add(correlation));
            final Integer[] centres = new Integer[count];
            final long[] ids = new long[count];
            final List<Long> expected = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                centres[i] = i % CENTRES;
                ids[i] = 1_000_003L * (i + 1) % 97_001;
                expected.add(ids[i]);
            }
            final CommandTranslator<Integer> issue = (command, centre) ->
            {
                command.type = CommandType.ISSUE_TICKET;
                command.centre = centre;
            };
            // Two batches, the second from an offset into the same arrays.
            pipeline.submitBatch(issue, centres, ids, 0, count / 2, listener);
            pipeline.submitBatch(issue, centres, ids, count / 2, count - count / 2, listener);
            assertTrue(ended.await(10, TimeUnit.SECONDS), "every reply, then the end of its batch");
            assertEquals(expected, correlations, "correlations in submission order");
            assertEquals(count, repliesAtLastEnd.get());
            assertEquals(expected, observed, "the observer saw every command before its listener");
        }
    }

    @Test
    void restartFromJournalOnlyRebuildsTheSameState() throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(0);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        final List<Command> answered = runSequential(config, 0, 400, reference);
        TestFiles.deleteAll(config.snapshotDir());

        final CountingStateMachine recovered = new CountingStateMachine(CENTRES);
        try (EnginePipeline pipeline = new EnginePipeline(config, recovered, new ManualClock(1_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertEquals(null, report.snapshot());
            assertEquals(400, report.commandsReplayed());
            assertEquals(reference.stateHash(), report.stateHash());
            assertAcknowledgedKept(pipeline, answered);
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void restartFromSnapshotPlusTailRebuildsTheSameState(final PipelineStages stages) throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(100).withStages(stages);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        runSequential(config, 0, 1050, reference);
        final List<Path> files = new okno.engine.snapshot.SnapshotStore(config.snapshotDir(), 3).list();
        assertEquals(3, files.size(), "only the newest snapshots are kept: " + files);
        // Drop the clean-shutdown snapshot (sequence 1050) so that start-up uses sequence 1000 plus the tail.
        java.nio.file.Files.delete(files.get(0));

        final CountingStateMachine recovered = new CountingStateMachine(CENTRES);
        try (EnginePipeline pipeline = new EnginePipeline(config, recovered, new ManualClock(1_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertEquals(1000, report.snapshotSeq());
            assertEquals(50, report.commandsReplayed());
            assertEquals(reference.stateHash(), report.stateHash());
        }
        final ReplayReport check = Replay.check(data, () -> new CountingStateMachine(CENTRES));
        assertTrue(check.ok(), check.errors().toString());
        assertEquals(reference.stateHash(), check.stateHash());
    }

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void lifecycleIsExplicitAndIdempotent(final PipelineStages stages) throws IOException
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withStages(stages);
        final EnginePipeline unstarted = new EnginePipeline(config, new CountingStateMachine(1), new ManualClock(0, 1));
        assertThrows(IllegalStateException.class, () -> unstarted.call(c -> c.type = CommandType.TICK));
        unstarted.close();
        unstarted.close();
        assertThrows(IllegalStateException.class, unstarted::start);

        final CountingStateMachine machine = new CountingStateMachine(1);
        final EnginePipeline pipeline = new EnginePipeline(config, machine, new ManualClock(0, 1));
        pipeline.start();
        assertThrows(IllegalStateException.class, pipeline::start);
        assertEquals(Result.UNKNOWN_COMMAND, pipeline.call(c -> { }).result, "a slot without a type is refused");
        final int[] seen = new int[1];
        final Command query = pipeline.call(c ->
        {
            c.type = CommandType.QUERY;
            c.query = view -> seen[0] = machine.issued(0) + 1; // runs on the engine thread, between commands
        });
        assertEquals(Result.OK, query.result);
        assertEquals(1, seen[0]);
        assertEquals(0, pipeline.journaledSequence(), "queries are not journaled");
        pipeline.close();
        pipeline.close();
        assertThrows(IllegalStateException.class, () -> pipeline.call(c -> c.type = CommandType.TICK));
    }

    @Test
    void configIsCheckedWhenBuilt()
    {
        final PipelineConfig config = PipelineConfig.defaults(data);
        assertThrows(IllegalArgumentException.class, () -> config.withRingSize(1000));
        assertThrows(IllegalArgumentException.class, () -> config.withMaxRecordsPerDocument(0));
        assertThrows(IllegalArgumentException.class, () -> config.withSnapshotEvery(-1));
        assertThrows(NullPointerException.class, () -> config.withStages(null));
        assertEquals(PipelineStages.FUSED, PipelineStages.forProcessors(2));
        assertEquals(PipelineStages.PARALLEL, PipelineStages.forProcessors(PipelineStages.PARALLEL_MIN_PROCESSORS));
        assertEquals(PipelineStages.FUSED, PipelineStages.parse(" fused "));
    }

    /** Issues commands one at a time, applying each answered command to {@code reference} as well. */
    static List<Command> runSequential(final PipelineConfig config, final long firstKey, final int count,
        final CountingStateMachine reference) throws IOException
    {
        final List<Command> answered = new ArrayList<>();
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000 + firstKey, 3)))
        {
            pipeline.start();
            for (int i = 0; i < count; i++)
            {
                final long key = firstKey + i + 1;
                final Command reply = pipeline.call(c ->
                {
                    c.type = CommandType.ISSUE_TICKET;
                    c.centre = (int)(key % (CENTRES + 1)) == CENTRES ? UNKNOWN_CENTRE : (int)(key % (CENTRES + 1));
                    c.requestKey = key;
                });
                answered.add(reply);
                // Periodic snapshots are written by another thread, and one due during a write is skipped.
                pipeline.awaitSnapshotsWritten();
                final Command again = new Command().clear();
                again.copyRequestFrom(reply);
                reference.apply(again, event -> { });
                assertEquals(reply.result, again.result);
                assertEquals(reply.resultTicket, again.resultTicket);
            }
        }
        return answered;
    }

    /** Retries every answered request: each must come back as a duplicate with the same ticket. */
    static void assertAcknowledgedKept(final EnginePipeline pipeline, final List<Command> answered)
    {
        for (final Command a : answered)
        {
            final Command retry = pipeline.call(c -> c.copyRequestFrom(a));
            if (a.result == Result.OK)
            {
                assertTrue(retry.duplicate, "acknowledged request " + a.requestKey + " is known after restart");
                assertEquals(a.resultTicket, retry.resultTicket, "same ticket after restart");
            }
            else
            {
                assertEquals(a.result, retry.result);
            }
        }
    }

    static EngineEvent copyOf(final EngineEvent e)
    {
        final EngineEvent copy = new EngineEvent().reset(e.type, e.timestampMs);
        copy.centre = e.centre;
        copy.ticket = e.ticket;
        return copy;
    }
}

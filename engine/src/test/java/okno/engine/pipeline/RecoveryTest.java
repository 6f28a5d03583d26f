package okno.engine.pipeline;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import okno.engine.SnapshotTampering;
import okno.engine.api.Command;
import okno.engine.journal.JournalFormat;
import okno.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static okno.engine.pipeline.EnginePipelineTest.assertAcknowledgedKept;
import static okno.engine.pipeline.EnginePipelineTest.runSequential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryTest
{
    private static final int CENTRES = 3;

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(PipelineStages.class)
    void damagedNewestSnapshotFallsBackToTheOlderOneWithALogLine(final PipelineStages stages) throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(100).withStages(stages);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        runSequential(config, 0, 250, reference);
        final List<Path> files = new SnapshotStore(config.snapshotDir(), 3).list();
        assertEquals(List.of("snapshot-00000000000000000250.bin", "snapshot-00000000000000000200.bin",
            "snapshot-00000000000000000100.bin"), files.stream().map(p -> p.getFileName().toString()).toList());
        flipByte(files.get(0), SnapshotStore.HEADER_LENGTH + 5);

        final List<String> logLines = new ArrayList<>();
        final Logger jul = Logger.getLogger(SnapshotStore.class.getName());
        final Handler capture = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                logLines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        jul.addHandler(capture);
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertEquals(200, report.snapshotSeq());
            assertEquals(1, report.snapshotsSkipped());
            assertEquals(50, report.commandsReplayed());
            assertEquals(reference.stateHash(), report.stateHash());
        }
        finally
        {
            jul.removeHandler(capture);
        }
        assertTrue(logLines.stream().anyMatch(l -> l.contains("snapshot-00000000000000000250.bin is damaged (body CRC32 "
            + "mismatch); skipping it")), logLines.toString());
    }

    @Test
    void withEverySnapshotDamagedTheWholeJournalIsReplayed() throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(100);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        final List<Path> files = runWithThreeSnapshots(config, reference);
        flipByte(files.get(0), 0);
        Files.write(files.get(1), new byte[] {1, 2, 3});
        final byte[] whole = Files.readAllBytes(files.get(2));
        Files.write(files.get(2), java.util.Arrays.copyOf(whole, whole.length - 1));

        assertStartsFromTheWholeJournal(config, new CountingStateMachine(CENTRES), reference);
    }

    /** Runs 250 commands with snapshots every 100 and at the end. @return the three snapshots, newest first */
    private static List<Path> runWithThreeSnapshots(final PipelineConfig config, final CountingStateMachine reference)
        throws Exception
    {
        runSequential(config, 0, 250, reference);
        return new SnapshotStore(config.snapshotDir(), 3).list();
    }

    /** Starts on the data with three unusable snapshots: the whole journal (250 commands) gives the state. */
    private static void assertStartsFromTheWholeJournal(final PipelineConfig config, final CountingStateMachine state,
        final CountingStateMachine reference) throws Exception
    {
        try (EnginePipeline pipeline = new EnginePipeline(config, state, new ManualClock(1_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertNull(report.snapshot(), "no usable snapshot");
            assertEquals(3, report.snapshotsSkipped());
            assertEquals(250, report.commandsReplayed());
            assertEquals(reference.stateHash(), report.stateHash());
        }
    }

    @Test
    void snapshotsOfAnOlderOknoAreSkippedAndTheJournalRebuildsTheState() throws Exception
    {
        // snapshots at 100, 200 and 250 of a state machine of snapshot format 1; the newest rewritten in the older
        // file format too, and the one at 200 recording a hash its format-1 state would not have
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(100);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        final List<Path> files = runWithThreeSnapshots(config, reference);
        SnapshotTampering.rewriteAsFileFormat1(files.get(0));
        SnapshotTampering.rewriteRecordedHash(files.get(1), 12345L);

        assertStartsFromTheWholeJournal(config, new CountingStateMachine(CENTRES).withSnapshotFormat(2), reference);
        // a full replay compares only snapshots of its own format: the foreign one's hash is not an error
        final ReplayReport full = Replay.fullJournal(data, new CountingStateMachine(CENTRES).withSnapshotFormat(2));
        assertEquals(List.of(), full.errors());
        final ReplayReport sameFormat = Replay.fullJournal(data, new CountingStateMachine(CENTRES));
        assertEquals(1, sameFormat.errors().size(), "the format-1 replay does check it: " + sameFormat.errors());
    }

    @Test
    void aSnapshotWhoseHashDoesNotMatchItsStateIsAnError() throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(100);
        runSequential(config, 0, 150, new CountingStateMachine(CENTRES));
        final Path newest = new SnapshotStore(config.snapshotDir(), 3).list().get(0);
        SnapshotTampering.rewriteRecordedHash(newest, 12345L);

        final EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000_000, 1));
        final IllegalStateException ex = assertThrows(IllegalStateException.class, pipeline::start);
        assertTrue(ex.getMessage().contains("records state hash 3039"), ex.getMessage());
        pipeline.close();

        final ReplayReport full = Replay.fullJournal(data, new CountingStateMachine(CENTRES));
        assertEquals(150, full.commandsReplayed());
        assertEquals(1, full.errors().size(), full.errors().toString());
        assertTrue(full.errors().get(0).contains("snapshot at journal sequence 150 records state hash 3039"));
    }

    @Test
    void aDamagedJournalTailStopsReplayAtTheLastGoodRecordAndIsVoidedForLaterRestarts() throws Exception
    {
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(0);
        final CountingStateMachine reference = new CountingStateMachine(CENTRES);
        final List<Command> answered = runSequential(config, 0, 300, reference);
        TestFiles.deleteAll(config.snapshotDir());
        appendDamagedDocuments(config.journalDir(), 301);

        final long damagedIndex;
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(1_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertTrue(report.journal().damaged());
            assertTrue(report.journal().damage().contains("does not fit record count 5"), report.journal().damage());
            assertEquals(300, report.lastSeq());
            assertEquals(reference.stateHash(), report.stateHash());
            damagedIndex = report.journal().damagedIndex();
            assertAcknowledgedKept(pipeline, answered);
        }
        final ReplayReport check = Replay.check(data, () -> new CountingStateMachine(CENTRES));
        assertTrue(check.ok(), check.errors().toString());
        assertEquals(600, check.recovery().lastSeq(), "300 commands, then 300 retries after the void marker");

        TestFiles.deleteAll(config.snapshotDir());
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            new ManualClock(2_000_000, 1)))
        {
            final RecoveryReport report = pipeline.start();
            assertFalse(report.journal().damaged(), "the damaged documents were voided at the previous start");
            assertEquals(600, report.commandsReplayed());
            assertEquals(check.stateHash(), report.stateHash());
            assertAcknowledgedKept(pipeline, answered);
        }
        assertTrue(damagedIndex > 0);
    }

    /** Appends a truncated batch (header says 5 records, 2 present) and a garbage document. */
    private static void appendDamagedDocuments(final Path journalDir, final long nextSeq)
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journalDir).build();
            ExcerptAppender appender = queue.createAppender())
        {
            final ByteBuffer truncated = ByteBuffer.allocate(JournalFormat.HEADER_LENGTH + 2 * Command.ENCODED_LENGTH)
                .order(ByteOrder.LITTLE_ENDIAN);
            truncated.putInt(JournalFormat.BATCH_MAGIC).putInt(5).putLong(nextSeq);
            write(appender, truncated.array());
            final byte[] garbage = new byte[64];
            new java.util.Random(7).nextBytes(garbage);
            write(appender, garbage);
        }
    }

    private static void write(final ExcerptAppender appender, final byte[] bytes)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(bytes);
        }
    }

    private static void flipByte(final Path file, final int offset) throws Exception
    {
        final byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x5A;
        Files.write(file, bytes);
    }
}

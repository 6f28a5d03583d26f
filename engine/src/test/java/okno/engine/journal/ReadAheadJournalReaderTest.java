package okno.engine.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-ahead reader hands the handler exactly what {@link JournalReader} hands it, ends with the same
 * outcome, and leaves no reader thread behind, whichever side fails. Rings smaller than a document make the
 * reader wait for the handler many times per journal.
 */
class ReadAheadJournalReaderTest
{
    private static final int DOCUMENT = 100;
    private static final int COMMANDS = 2_450;
    private static final int SMALL_RING = 64;
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** One delivered record: its journal sequence and its encoded request. */
    private record Delivered(long seq, List<Byte> bytes)
    {
        static Delivered of(final long seq, final Command command)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Command.ENCODED_LENGTH]);
            command.encode(buffer, 0);
            final List<Byte> bytes = new ArrayList<>(Command.ENCODED_LENGTH);
            for (final byte b : buffer.byteArray())
            {
                bytes.add(b);
            }
            return new Delivered(seq, bytes);
        }
    }

    /** What one read gave. */
    private record Read(List<Delivered> delivered, JournalOutcome outcome)
    {
    }

    @Test
    void aWholeJournalAndEveryStartGiveTheSameRecordsAndOutcomeAsTheSingleThreadedReader()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            final long[] documentIndexes = writeCommands(queue, new JournalWriter(queue, DOCUMENT, 0, -1, false),
                COMMANDS, new Random(42));
            final ReadAheadJournalReader readAhead = new ReadAheadJournalReader(SMALL_RING, true);

            final Read whole = assertSameAsSingleThreaded(queue, readAhead, -1, 0);
            assertEquals(COMMANDS, whole.delivered().size());
            assertEquals(COMMANDS, whole.outcome().lastSeq());
            assertEquals(documentIndexes[documentIndexes.length - 1], whole.outcome().lastGoodIndex());

            // A snapshot at sequence 1,234 resumes in the document holding 1,201..1,300.
            final Read tail = assertSameAsSingleThreaded(queue, readAhead, documentIndexes[12], 1_234);
            assertEquals(1_235, tail.delivered().get(0).seq());
            assertEquals(COMMANDS - 1_234, tail.outcome().replayed());

            final Read skippedFromStart = assertSameAsSingleThreaded(queue, readAhead, -1, 2_000);
            assertEquals(COMMANDS - 2_000, skippedFromStart.delivered().size());

            final Read nothingLeft = assertSameAsSingleThreaded(
                queue, readAhead, documentIndexes[documentIndexes.length - 1], COMMANDS);
            assertEquals(0, nothingLeft.outcome().replayed());
        }
    }

    @Test
    void aDamagedDocumentStopsBothReadersAtTheSameRecordAndAVoidMarkerLetsBothGoOn()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            final Random random = new Random(7);
            final JournalWriter first = new JournalWriter(queue, DOCUMENT, 0, -1, false);
            final long[] written = writeCommands(queue, first, 1_000, random);
            first.close();
            // Record 37 of this document has an unknown type but a correct CRC32: its first 36 records replay.
            appendDocumentWithBadRecord(queue, 1_001, 60, 36, random);
            appendTruncatedDocument(queue, 1_061);
            final ReadAheadJournalReader readAhead = new ReadAheadJournalReader(SMALL_RING, true);

            final Read stopped = assertSameAsSingleThreaded(queue, readAhead, -1, 0);
            assertTrue(stopped.outcome().damaged());
            assertTrue(stopped.outcome().damage().startsWith("record 1037: corrupt command record"),
                stopped.outcome().damage());
            assertEquals(1_036, stopped.outcome().lastSeq());
            final JournalOutcome fromSnapshot = assertSameAsSingleThreaded(queue, readAhead, written[5], 540).outcome();
            assertEquals(1_036 - 540, fromSnapshot.replayed());
            assertEquals(stopped.outcome().damagedIndex(), fromSnapshot.damagedIndex());

            final JournalWriter restarted = new JournalWriter(queue, DOCUMENT, 1_036, -1, false);
            restarted.appendVoidMarker(stopped.outcome().damagedIndex());
            writeCommands(queue, restarted, 333, random);
            final Read resumed = assertSameAsSingleThreaded(queue, readAhead, -1, 0);
            assertFalse(resumed.outcome().damaged(), String.valueOf(resumed.outcome()));
            assertEquals(1_036 + 333, resumed.outcome().lastSeq());
        }
    }

    @Test
    void aFailingHandlerReachesTheCallerAndEndsTheReaderThread()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            writeCommands(queue, new JournalWriter(queue, DOCUMENT, 0, -1, false), COMMANDS, new Random(3));
            final ReadAheadJournalReader readAhead = new ReadAheadJournalReader(16, true);
            final IllegalStateException thrown = new IllegalStateException("apply failed");
            final List<Long> seen = new ArrayList<>();

            // A reader that ignored the failure would wait for ring space forever: the timeout makes that a failure.
            final IllegalStateException caught = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(
                IllegalStateException.class, () -> readAhead.read(queue, -1, 0, (seq, command) ->
                {
                    seen.add(seq);
                    if (seen.size() == 100)
                    {
                        throw thrown;
                    }
                })));

            assertSame(thrown, caught);
            assertEquals(100, seen.size());
            assertEquals(100L, seen.get(99));
            assertNoReaderThread();
            // The reader is usable again after a failed read.
            final Read again = read(readAhead, queue, -1, 0);
            assertEquals(COMMANDS, again.delivered().size());
            assertEquals(1L, again.delivered().get(0).seq());
            assertNoReaderThread();
        }
    }

    @Test
    void aFailingReaderReachesTheCallerAndEndsTheReaderThread()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            final long[] indexes =
                writeCommands(queue, new JournalWriter(queue, DOCUMENT, 0, -1, false), 500, new Random(5));
            final ReadAheadJournalReader readAhead = new ReadAheadJournalReader(SMALL_RING, true);

            final long missing = indexes[4] + 1_000;
            final IllegalStateException caught = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(
                IllegalStateException.class, () -> readAhead.read(queue, missing, 0, (seq, command) -> { })));

            assertTrue(caught.getMessage().startsWith("journal has no document at index"), caught.getMessage());
            assertNoReaderThread();
        }
    }

    @Test
    void withoutReadAheadTheCallingThreadReads()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            writeCommands(queue, new JournalWriter(queue, DOCUMENT, 0, -1, false), 300, new Random(9));
            final Thread caller = Thread.currentThread();
            final List<Thread> threads = new ArrayList<>();

            new ReadAheadJournalReader(SMALL_RING, false).read(queue, -1, 0,
                (seq, command) -> threads.add(Thread.currentThread()));

            assertEquals(300, threads.size());
            assertTrue(threads.stream().allMatch(t -> t == caller));
        }
    }

    private static Read assertSameAsSingleThreaded(final ChronicleQueue queue, final ReadAheadJournalReader readAhead,
        final long fromIndex, final long afterSeq)
    {
        final List<Delivered> expected = new ArrayList<>();
        final JournalOutcome expectedOutcome = new JournalReader().read(queue, fromIndex, afterSeq,
            (seq, command) -> expected.add(Delivered.of(seq, command)));
        final Read actual = read(readAhead, queue, fromIndex, afterSeq);
        assertEquals(expectedOutcome, actual.outcome());
        assertEquals(expected, actual.delivered());
        assertNoReaderThread();
        return actual;
    }

    private static Read read(final ReadAheadJournalReader readAhead, final ChronicleQueue queue, final long fromIndex,
        final long afterSeq)
    {
        final Thread caller = Thread.currentThread();
        final List<Delivered> delivered = new ArrayList<>();
        final JournalOutcome outcome = readAhead.read(queue, fromIndex, afterSeq, (seq, command) ->
        {
            assertSame(caller, Thread.currentThread(), "the handler runs on the calling thread");
            delivered.add(Delivered.of(seq, command));
        });
        return new Read(delivered, outcome);
    }

    private static void assertNoReaderThread()
    {
        assertFalse(Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.isAlive() && ReadAheadJournalReader.THREAD_NAME.equals(t.getName())),
            "the reader thread has ended");
    }

    /** @return queue index of each document written */
    private static long[] writeCommands(final ChronicleQueue queue, final JournalWriter writer, final int count,
        final Random random)
    {
        final List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            if (writer.isFull())
            {
                indexes.add(writer.commit());
            }
            writer.append(randomCommand(random));
        }
        indexes.add(writer.commit());
        return indexes.stream().mapToLong(Long::longValue).toArray();
    }

    private static Command randomCommand(final Random random)
    {
        final CommandType[] types = CommandType.values();
        final Command c = new Command().clear();
        c.type = types[random.nextInt(types.length)];
        c.timestampMs = 1_700_000_000_000L + random.nextInt(86_400_000);
        c.requestKey = random.nextLong();
        c.centre = random.nextInt(130);
        c.window = random.nextInt(60);
        c.staff = random.nextInt(6_000);
        c.priority = random.nextInt(3);
        final int services = 1 + random.nextInt(Command.MAX_SERVICES);
        for (int s = 0; s < services; s++)
        {
            c.addService(random.nextInt(40));
        }
        c.ticketNumber = random.nextInt(1_000);
        c.score = random.nextInt(6);
        c.targetCentre = random.nextInt(130);
        c.slotMs = random.nextLong();
        c.appointmentCode = random.nextLong();
        c.flag = random.nextInt(4);
        c.kiosk = random.nextInt(500) - 1;
        return c;
    }

    /** A well-formed document (right length, right CRC32) whose record {@code bad} has an unknown type code. */
    private static void appendDocumentWithBadRecord(final ChronicleQueue queue, final long firstSeq, final int count,
        final int bad, final Random random)
    {
        final ByteBuffer document = ByteBuffer.allocate(JournalFormat.batchLength(count))
            .order(ByteOrder.LITTLE_ENDIAN);
        document.putInt(JournalFormat.BATCH_MAGIC).putInt(count).putLong(firstSeq);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Command.ENCODED_LENGTH]);
        for (int i = 0; i < count; i++)
        {
            randomCommand(random).encode(record, 0);
            if (i == bad)
            {
                record.putInt(0, 9_999, ByteOrder.LITTLE_ENDIAN);
            }
            document.put(record.byteArray());
        }
        final CRC32 crc = new CRC32();
        crc.update(document.array(), 0, document.position());
        document.putInt((int)crc.getValue());
        append(queue, document.array());
    }

    /** A batch whose header promises 5 records but holds 2. */
    private static void appendTruncatedDocument(final ChronicleQueue queue, final long firstSeq)
    {
        final ByteBuffer truncated = ByteBuffer.allocate(JournalFormat.HEADER_LENGTH + 2 * Command.ENCODED_LENGTH)
            .order(ByteOrder.LITTLE_ENDIAN);
        truncated.putInt(JournalFormat.BATCH_MAGIC).putInt(5).putLong(firstSeq);
        append(queue, truncated.array());
    }

    private static void append(final ChronicleQueue queue, final byte[] bytes)
    {
        try (ExcerptAppender appender = queue.createAppender();
            DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(bytes);
        }
    }
}

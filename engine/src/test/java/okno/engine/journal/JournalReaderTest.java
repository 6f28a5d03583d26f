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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The issuing kiosk is journaled with its command; journals of format 1 (no kiosk) still replay. */
class JournalReaderTest
{
    @TempDir
    Path dir;

    /** What a replayed record holds, for comparison. */
    private record Replayed(long seq, CommandType type, int centre, int service, long requestKey, int kiosk)
    {
    }

    @Test
    void aCommandRoundTripsWithItsKiosk()
    {
        final Command issue = issue(2, 1, 77L, 5);
        final UnsafeBuffer first = new UnsafeBuffer(new byte[Command.ENCODED_LENGTH]);
        assertEquals(Command.ENCODED_LENGTH, issue.encode(first, 0));

        final Command decoded = new Command().decode(first, 0);
        final UnsafeBuffer second = new UnsafeBuffer(new byte[Command.ENCODED_LENGTH]);
        decoded.encode(second, 0);

        assertEquals(5, decoded.kiosk);
        assertArrayEquals(first.byteArray(), second.byteArray(), "every request field survives");
        assertEquals(-1, new Command().clear().kiosk, "no kiosk unless an edge names one");
    }

    @Test
    void formatOneDocumentsReplayWithoutKioskAndFormatTwoOnesWithIt()
    {
        final List<Replayed> replayed = new ArrayList<>();
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            appendFormatOne(queue, 1, issue(0, 3, 11L, -1), issue(1, 4, 12L, -1));
            final JournalWriter writer = new JournalWriter(queue, 64, 2, -1, false);
            writer.append(issue(2, 5, 13L, 7));
            writer.append(issue(0, 6, 0L, -1));
            writer.commit();
            writer.close();

            final JournalOutcome outcome = new JournalReader().read(queue, -1, 0, (seq, c) ->
                replayed.add(new Replayed(seq, c.type, c.centre, c.services[0], c.requestKey, c.kiosk)));

            assertFalse(outcome.damaged(), String.valueOf(outcome));
            assertEquals(4, outcome.lastSeq());
        }
        assertEquals(List.of(
            new Replayed(1, CommandType.ISSUE_TICKET, 0, 3, 11L, -1),
            new Replayed(2, CommandType.ISSUE_TICKET, 1, 4, 12L, -1),
            new Replayed(3, CommandType.ISSUE_TICKET, 2, 5, 13L, 7),
            new Replayed(4, CommandType.ISSUE_TICKET, 0, 6, 0L, -1)), replayed);
    }

    private static Command issue(final int centre, final int service, final long requestKey, final int kiosk)
    {
        final Command c = new Command().clear();
        c.type = CommandType.ISSUE_TICKET;
        c.timestampMs = 1_700_000_000_000L;
        c.centre = centre;
        c.priority = 1;
        c.addService(service);
        c.requestKey = requestKey;
        c.flag = 3;
        c.kiosk = kiosk;
        return c;
    }

    /** Writes a batch as okno wrote it before kiosks: magic "OKJ1", 100-byte records. */
    private static void appendFormatOne(final ChronicleQueue queue, final long firstSeq, final Command... commands)
    {
        final int length = JournalFormat.HEADER_LENGTH + commands.length * Command.ENCODED_LENGTH_V1
            + JournalFormat.TRAILER_LENGTH;
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Command.ENCODED_LENGTH]);
        final ByteBuffer document = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        document.putInt(JournalFormat.BATCH_MAGIC_V1).putInt(commands.length).putLong(firstSeq);
        for (final Command c : commands)
        {
            c.encode(record, 0);
            document.put(record.byteArray(), 0, Command.ENCODED_LENGTH_V1);
        }
        final CRC32 crc = new CRC32();
        crc.update(document.array(), 0, document.position());
        document.putInt((int)crc.getValue());
        try (ExcerptAppender appender = queue.createAppender();
            DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(document.array());
        }
    }
}

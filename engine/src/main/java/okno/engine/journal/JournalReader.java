package okno.engine.journal;

import okno.engine.api.Command;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.System.Logger.Level;

/**
 * Reads the journal back in order, checking each document (magic, length, CRC32, sequence continuity,
 * command decoding) and handing every good record after a given sequence to a {@link RecordHandler}.
 *
 * <p>A bad document stops the replay at the last good record and is reported in the {@link JournalOutcome},
 * unless a later void marker (written by a restart that found the same damage) names it: then the
 * documents from the damaged one up to the marker are skipped with a warning and reading goes on. Chronicle
 * never shows a document whose write did not finish, so a process killed while appending leaves no
 * visible torn record; damage here means a file damaged after the fact.
 */
public final class JournalReader
{
    /** Receives replayed commands, in journal order. */
    @FunctionalInterface
    public interface RecordHandler
    {
        /**
         * @param seq     journal sequence of the command
         * @param command decoded request, reused for the next record
         */
        void onCommand(long seq, Command command);
    }

    private static final System.Logger LOG = System.getLogger(JournalReader.class.getName());

    private final Command command = new Command();
    private final DocumentBuffer document = new DocumentBuffer(JournalFormat.batchLength(256));
    private final UnsafeBuffer buffer = document.view();

    /** @return whether the queue holds a document at {@code index}. */
    public static boolean contains(final ChronicleQueue queue, final long index)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            return tailer.moveToIndex(index);
        }
    }

    /**
     * Replays the journal.
     *
     * @param queue     the journal
     * @param fromIndex queue index of the first document to read, or -1 to read from the start
     * @param afterSeq  records with a sequence up to this one are skipped (already in the snapshot)
     * @param handler   receives the records after {@code afterSeq}
     * @return what was read
     * @throws IllegalStateException when {@code fromIndex} is not in the queue (check with {@link #contains})
     */
    public JournalOutcome read(
        final ChronicleQueue queue, final long fromIndex, final long afterSeq, final RecordHandler handler)
    {
        long expected = afterSeq + 1;
        long lastGoodIndex = fromIndex;
        long replayed = 0;
        long damagedIndex = -1;
        String damage = null;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (fromIndex >= 0 && !tailer.moveToIndex(fromIndex))
            {
                throw new IllegalStateException("journal has no document at index " + hex(fromIndex));
            }
            if (fromIndex < 0)
            {
                tailer.toStart();
            }
            while (true)
            {
                final long index;
                final int length;
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    index = dc.index();
                    length = copy(dc.wire().bytes());
                }
                final String problem = check(length, expected);
                if (damagedIndex >= 0)
                {
                    if (problem == null && isVoidMarkerFor(damagedIndex))
                    {
                        LOG.log(Level.WARNING, "journal documents from index {0} up to {1} were voided at a restart "
                            + "after damage ({2}); replay goes on", hex(damagedIndex), hex(index), damage);
                        damagedIndex = -1;
                        damage = null;
                        lastGoodIndex = index;
                    }
                    continue;
                }
                if (problem != null)
                {
                    damagedIndex = index;
                    damage = problem;
                    continue;
                }
                if (buffer.getInt(JournalFormat.MAGIC_OFFSET, JournalFormat.ORDER) == JournalFormat.VOID_MAGIC)
                {
                    lastGoodIndex = index;
                    continue;
                }
                final int count = buffer.getInt(JournalFormat.COUNT_OFFSET, JournalFormat.ORDER);
                final long firstSeq = buffer.getLong(JournalFormat.FIRST_SEQ_OFFSET, JournalFormat.ORDER);
                final int recordLength =
                    JournalFormat.recordLength(buffer.getInt(JournalFormat.MAGIC_OFFSET, JournalFormat.ORDER));
                for (int i = (int)(expected - firstSeq); i < count; i++)
                {
                    try
                    {
                        command.decode(buffer, JournalFormat.recordOffset(i, recordLength), recordLength);
                    }
                    catch (final IllegalArgumentException ex)
                    {
                        damagedIndex = index;
                        damage = "record " + (firstSeq + i) + ": " + ex.getMessage();
                        break;
                    }
                    handler.onCommand(expected, command);
                    expected++;
                    replayed++;
                    lastGoodIndex = index;
                }
            }
        }
        if (damagedIndex >= 0)
        {
            LOG.log(Level.ERROR, "journal document at index {0} is damaged ({1}); replay stopped at the last good "
                + "record, journal sequence {2}", hex(damagedIndex), damage, String.valueOf(expected - 1));
        }
        return new JournalOutcome(replayed, expected - 1, lastGoodIndex, damagedIndex, damage);
    }

    private int copy(final Bytes<?> bytes)
    {
        return document.readFrom(bytes);
    }

    /** @return why the document in the buffer is bad, or null when it is good and continues the sequence. */
    private String check(final int length, final long expected)
    {
        if (length < JournalFormat.HEADER_LENGTH + JournalFormat.TRAILER_LENGTH)
        {
            return "document of " + length + " bytes is shorter than a header";
        }
        final int magic = buffer.getInt(JournalFormat.MAGIC_OFFSET, JournalFormat.ORDER);
        final int count = buffer.getInt(JournalFormat.COUNT_OFFSET, JournalFormat.ORDER);
        final int recordLength = JournalFormat.recordLength(magic);
        final int expectedLength;
        if (recordLength > 0)
        {
            expectedLength = count < 0 || count > (length / recordLength)
                ? -1 : JournalFormat.batchLength(count, recordLength);
        }
        else if (magic == JournalFormat.VOID_MAGIC)
        {
            expectedLength = JournalFormat.VOID_LENGTH;
        }
        else
        {
            return "bad magic 0x" + Integer.toHexString(magic);
        }
        if (length != expectedLength)
        {
            return "length " + length + " does not fit record count " + count;
        }
        final int crcOffset = length - JournalFormat.TRAILER_LENGTH;
        if (document.crc(crcOffset) != buffer.getInt(crcOffset, JournalFormat.ORDER))
        {
            return "CRC32 mismatch";
        }
        final long firstSeq = buffer.getLong(JournalFormat.FIRST_SEQ_OFFSET, JournalFormat.ORDER);
        final long endSeq = firstSeq + count;
        if (firstSeq > expected || (magic == JournalFormat.VOID_MAGIC && firstSeq != expected) || endSeq < firstSeq)
        {
            return "journal sequence " + firstSeq + " where " + expected + " was expected";
        }
        return null;
    }

    private boolean isVoidMarkerFor(final long damagedIndex)
    {
        return buffer.getInt(JournalFormat.MAGIC_OFFSET, JournalFormat.ORDER) == JournalFormat.VOID_MAGIC
            && buffer.getLong(JournalFormat.VOID_FROM_OFFSET, JournalFormat.ORDER) == damagedIndex;
    }

    private static String hex(final long index)
    {
        return "0x" + Long.toHexString(index);
    }
}

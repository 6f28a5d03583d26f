package okno.engine.journal;

import okno.engine.api.Command;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;


/**
 * Appends commands to the Chronicle Queue journal, one document per {@link #commit()} (see
 * {@link JournalFormat}). Records are encoded into a preallocated buffer and copied into the queue in
 * one write, so steady-state appends allocate nothing.
 *
 * <p>Single-threaded: create, use and close it on the journal thread (Chronicle appenders are bound to the
 * thread that first uses them).
 */
public final class JournalWriter
{
    private final ChronicleQueue queue;
    private final int maxRecords;
    private final boolean sync;
    private final DocumentBuffer document;
    private final UnsafeBuffer buffer;
    private ExcerptAppender appender;
    private int records;
    private long nextSeq;
    private long lastIndex;

    /**
     * @param queue       the journal queue
     * @param maxRecords  most records per document; a bigger batch is split
     * @param lastSeq     journal sequence of the last record already in the journal (0 when empty)
     * @param lastIndex   queue index of the last document already in the journal (-1 when empty)
     * @param sync        force each document to the storage device before {@link #commit()} returns (the queue
     *                    must be built with {@code SyncMode.SYNC}); otherwise a document is safe from a process
     *                    crash once written to the memory-mapped file, not from power loss
     */
    public JournalWriter(
        final ChronicleQueue queue, final int maxRecords, final long lastSeq, final long lastIndex, final boolean sync)
    {
        if (maxRecords < 1)
        {
            throw new IllegalArgumentException("maxRecords must be positive: " + maxRecords);
        }
        this.queue = queue;
        this.maxRecords = maxRecords;
        this.sync = sync;
        this.document = new DocumentBuffer(JournalFormat.batchLength(maxRecords));
        this.buffer = document.view();
        this.nextSeq = lastSeq + 1;
        this.lastIndex = lastIndex;
    }

    /**
     * Adds one command to the pending document; call {@link #commit()} first when {@link #isFull()}.
     *
     * @return journal sequence given to the command
     */
    public long append(final Command command)
    {
        command.encode(buffer, JournalFormat.recordOffset(records));
        records++;
        return nextSeq++;
    }

    /** @return whether the pending document holds its maximum number of records. */
    public boolean isFull()
    {
        return records == maxRecords;
    }

    /** @return whether commands wait in the pending document. */
    public boolean hasPending()
    {
        return records > 0;
    }

    /**
     * Writes the pending records as one document; does nothing when none are pending.
     *
     * @return queue index of the document written, or of the last one when nothing was pending
     */
    public long commit()
    {
        if (records == 0)
        {
            return lastIndex;
        }
        buffer.putInt(JournalFormat.MAGIC_OFFSET, JournalFormat.BATCH_MAGIC, JournalFormat.ORDER);
        buffer.putInt(JournalFormat.COUNT_OFFSET, records, JournalFormat.ORDER);
        buffer.putLong(JournalFormat.FIRST_SEQ_OFFSET, nextSeq - records, JournalFormat.ORDER);
        final int crcOffset = JournalFormat.recordOffset(records);
        buffer.putInt(crcOffset, document.crc(crcOffset), JournalFormat.ORDER);
        write(crcOffset + JournalFormat.TRAILER_LENGTH);
        records = 0;
        return lastIndex;
    }

    /**
     * Writes a marker voiding the damaged documents from {@code damagedIndex} up to the marker, so that
     * later replays continue past them (see {@link JournalReader}).
     */
    public void appendVoidMarker(final long damagedIndex)
    {
        if (records != 0)
        {
            throw new IllegalStateException("void marker inside a pending batch");
        }
        buffer.putInt(JournalFormat.MAGIC_OFFSET, JournalFormat.VOID_MAGIC, JournalFormat.ORDER);
        buffer.putInt(JournalFormat.COUNT_OFFSET, 0, JournalFormat.ORDER);
        buffer.putLong(JournalFormat.FIRST_SEQ_OFFSET, nextSeq, JournalFormat.ORDER);
        buffer.putLong(JournalFormat.VOID_FROM_OFFSET, damagedIndex, JournalFormat.ORDER);
        final int crcOffset = JournalFormat.VOID_LENGTH - JournalFormat.TRAILER_LENGTH;
        buffer.putInt(crcOffset, document.crc(crcOffset), JournalFormat.ORDER);
        write(JournalFormat.VOID_LENGTH);
    }

    /** @return journal sequence of the last record appended (0 when none). */
    public long lastSeq()
    {
        return nextSeq - 1;
    }

    /** @return queue index of the last document written (-1 when none). */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** Releases the appender; the queue itself belongs to the caller. */
    public void close()
    {
        if (appender != null)
        {
            appender.close();
            appender = null;
        }
    }

    private void write(final int length)
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            document.writeTo(dc.wire().bytes(), length);
        }
        if (sync)
        {
            appender.sync();
        }
        lastIndex = appender.lastIndexAppended();
    }
}

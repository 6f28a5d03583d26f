package okno.engine.journal;

import okno.engine.api.Command;

import java.nio.ByteOrder;

/**
 * Layout of one journal document. A document holds the mutating commands of one Disruptor batch (or part
 * of a large batch), so the queue commits once per batch instead of once per command. Every record carries
 * the journal sequence of its command (1, 2, 3 ... over the life of the data directory), so a reader can
 * check continuity and a snapshot can name the exact command it covers.
 *
 * <pre>
 * Batch document, little-endian:
 *   0 int  magic {@link #BATCH_MAGIC}
 *   4 int  record count n
 *   8 long journal sequence of the first record
 *  16 n x {@link Command#ENCODED_LENGTH} bytes: encoded commands, in ring order
 *  16 + n * 104  int CRC32 of bytes [0, 16 + n * 104)
 *
 * Void marker, written at start-up after a damaged tail:
 *   0 int  magic {@link #VOID_MAGIC}
 *   4 int  0
 *   8 long journal sequence the next record will have
 *  16 long index of the first damaged document, which is voided with all documents up to this marker
 *  24 int  CRC32 of bytes [0, 24)
 * </pre>
 *
 * Format 2 ({@link #BATCH_MAGIC}, "OKJ2") added the issuing kiosk to each command. Documents of format 1
 * ({@link #BATCH_MAGIC_V1}, "OKJ1": 100-byte records without the kiosk) are still read, so a data directory
 * written before keeps replaying to the same state; only format 2 is written.
 */
public final class JournalFormat
{
    /** "OKJ2" read as a little-endian int: a batch of {@link Command#ENCODED_LENGTH}-byte records. */
    public static final int BATCH_MAGIC = 0x324A4B4F;
    /** "OKJ1" read as a little-endian int: a batch of {@link Command#ENCODED_LENGTH_V1}-byte records. */
    public static final int BATCH_MAGIC_V1 = 0x314A4B4F;
    /** "OKV1" read as a little-endian int. */
    public static final int VOID_MAGIC = 0x31564B4F;
    /** Header bytes before the first record. */
    public static final int HEADER_LENGTH = 16;
    /** Trailer bytes (CRC32). */
    public static final int TRAILER_LENGTH = 4;
    /** Bytes of a whole void marker. */
    public static final int VOID_LENGTH = 28;

    static final int MAGIC_OFFSET = 0;
    static final int COUNT_OFFSET = 4;
    static final int FIRST_SEQ_OFFSET = 8;
    static final int VOID_FROM_OFFSET = 16;
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private JournalFormat()
    {
    }

    /** @return bytes of a batch document holding {@code records} commands. */
    public static int batchLength(final int records)
    {
        return batchLength(records, Command.ENCODED_LENGTH);
    }

    /** @return offset of record {@code i} in a batch document. */
    public static int recordOffset(final int i)
    {
        return recordOffset(i, Command.ENCODED_LENGTH);
    }

    /** @return bytes of one record in a batch document with this magic, or -1 when it is no batch magic. */
    static int recordLength(final int magic)
    {
        return magic == BATCH_MAGIC ? Command.ENCODED_LENGTH
            : magic == BATCH_MAGIC_V1 ? Command.ENCODED_LENGTH_V1 : -1;
    }

    static int batchLength(final int records, final int recordLength)
    {
        return HEADER_LENGTH + records * recordLength + TRAILER_LENGTH;
    }

    static int recordOffset(final int i, final int recordLength)
    {
        return HEADER_LENGTH + i * recordLength;
    }
}

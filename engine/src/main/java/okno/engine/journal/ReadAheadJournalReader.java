package okno.engine.journal;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import okno.engine.api.Command;
import okno.engine.journal.JournalReader.RecordHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.lang.System.Logger.Level;

/**
 * Replays the journal as {@link JournalReader} does, with the same checks, records and {@link JournalOutcome}, but
 * reads, checks and decodes on a second thread, so that this work overlaps the handler's (applying commands to the
 * state machine, the bound of a replay).
 *
 * <pre>
 *  reader thread (okno-journal-read-ahead)             calling thread
 *  +---------------------------------+                 +------------------------------+
 *  | JournalReader.read: copy each   |  single-producer | EventPoller.poll, a batch at |
 *  | document, CRC32, length,        |  ring of Entry   | a time:                      |
 *  | sequence, void markers, decode; | ---------------> | handler.onCommand(seq, cmd)  |
 *  | per record: claim, copy, publish|  (seq, Command)  |                              |
 *  +---------------------------------+                 +------------------------------+
 *        outcome or exception, after the last entry  --------->  returned or rethrown here
 * </pre>
 *
 * <p>The handler, the bound of a replay, waits for records by spinning a little, then yielding; it never parks, as
 * a parked thread on a busy host wakes late. The reader spends most of the replay waiting for room: it refills a
 * full ring only once half of it is free, and waits with a back-off (a few spins and yields, then parks of up to
 * 0.2 ms), so that on a host shared with other work it does not take the core the handler needs.
 *
 * <p>An exception of the handler stops the reader at its next record; an exception of the reader reaches the caller
 * after the records it published; either way the reader thread has ended when {@link #read} returns or throws. On a
 * host of one processor the reader thread would only take turns with the handler, so there {@link #read} runs
 * {@link JournalReader} on the calling thread.
 *
 * <p>One {@link #read} at a time; an instance may be reused for another read afterwards. Each read allocates its
 * ring and starts its thread: a read is a start-up or an offline replay, not a hot path.
 */
public final class ReadAheadJournalReader
{
    /** Name of the reader thread. */
    static final String THREAD_NAME = "okno-journal-read-ahead";
    /**
     * Ring entries: four documents of 1,024 records, about 2 ms of applying and 1 MB of slots. Small on purpose: a
     * ring of 32 documents pushed the state machine's data out of the caches and made applying 20 % slower.
     */
    static final int DEFAULT_RING_SIZE = 4096;
    private static final int HANDLER_SPINS = 100;
    private static final int READER_SPINS = 20;
    private static final int READER_YIELDS = 5;
    /** Half the ring takes about a millisecond to apply: a reader waiting for room wakes a few times per refill. */
    private static final long READER_MAX_PARK_NS = 200_000;

    /** One ring slot: a decoded record and its journal sequence. */
    private static final class Entry
    {
        final Command command = new Command();
        long seq;
    }

    /** Thrown on the reader thread to unwind {@link JournalReader#read} once the calling thread has failed. */
    private static final class ConsumerFailed extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        ConsumerFailed()
        {
            super("the journal handler failed", null, false, false);
        }
    }

    private static final System.Logger LOG = System.getLogger(ReadAheadJournalReader.class.getName());

    private final JournalReader reader = new JournalReader();
    private final int ringSize;
    private final boolean readAhead;

    /**
     * Reads ahead on a second thread when the host has two processors or more. A replay runs at start-up, before
     * the node takes commands, or offline, so the second processor is the node's own; on a host busy with other
     * work the two threads only take turns (measured here: 10-40 % slower than one thread).
     */
    public ReadAheadJournalReader()
    {
        this(DEFAULT_RING_SIZE, Runtime.getRuntime().availableProcessors() >= 2);
    }

    /**
     * @param ringSize  ring entries, a power of two
     * @param readAhead false to read on the calling thread
     */
    ReadAheadJournalReader(final int ringSize, final boolean readAhead)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two: " + ringSize);
        }
        this.ringSize = ringSize;
        this.readAhead = readAhead;
    }

    /**
     * Replays the journal; the same contract as {@link JournalReader#read}.
     *
     * @param queue     the journal
     * @param fromIndex queue index of the first document to read, or -1 to read from the start
     * @param afterSeq  records with a sequence up to this one are skipped (already in the snapshot)
     * @param handler   receives the records after {@code afterSeq}, on the calling thread
     * @return what was read
     * @throws IllegalStateException when {@code fromIndex} is not in the queue (check with
     *                               {@link JournalReader#contains})
     */
    public JournalOutcome read(
        final ChronicleQueue queue, final long fromIndex, final long afterSeq, final RecordHandler handler)
    {
        LOG.log(Level.INFO, readAhead
            ? "journal replay reads ahead on a second thread"
            : "journal replay reads on the calling thread (one processor)");
        return readAhead
            ? new Pass(handler).run(queue, fromIndex, afterSeq)
            : reader.read(queue, fromIndex, afterSeq, handler);
    }

    /**
     * One read: its ring (a single-producer ring belongs to one producer thread), its reader thread and what the
     * reader thread leaves for the calling thread.
     */
    private final class Pass
    {
        private final RecordHandler handler;
        private final RingBuffer<Entry> ring =
            RingBuffer.createSingleProducer(Entry::new, ringSize, new BusySpinWaitStrategy());
        private final EventPoller<Entry> poller = ring.newPoller();
        private final int refill = Math.max(1, ringSize / 2);
        private final IdleStrategy readerIdle =
            new BackoffIdleStrategy(READER_SPINS, READER_YIELDS, 1_000, READER_MAX_PARK_NS);
        private final ConsumerFailed consumerFailedSignal = new ConsumerFailed();
        private final RecordHandler publisher = this::publish;
        private final EventPoller.Handler<Entry> delivery = this::deliver;
        private volatile boolean consumerFailed;
        private volatile boolean readerDone;
        /** Written by the reader thread before {@link #readerDone}. */
        private JournalOutcome outcome;
        /** Written by the reader thread before {@link #readerDone}. */
        private Throwable readerFailure;

        Pass(final RecordHandler handler)
        {
            this.handler = handler;
            ring.addGatingSequences(poller.getSequence());
        }

        JournalOutcome run(final ChronicleQueue queue, final long fromIndex, final long afterSeq)
        {
            final Thread thread = new Thread(() -> readJournal(queue, fromIndex, afterSeq), THREAD_NAME);
            thread.setDaemon(true);
            Throwable failure = null;
            try
            {
                thread.start();
                deliverAll();
            }
            catch (final Throwable ex)
            {
                failure = ex;
                consumerFailed = true;
            }
            finally
            {
                joinUninterruptibly(thread);
            }
            if (readerFailure != null)
            {
                if (failure == null)
                {
                    failure = readerFailure;
                }
                else
                {
                    failure.addSuppressed(readerFailure);
                }
            }
            if (failure != null)
            {
                throw unchecked(failure);
            }
            return outcome;
        }

        /** Reader thread. */
        private void readJournal(final ChronicleQueue queue, final long fromIndex, final long afterSeq)
        {
            try
            {
                outcome = reader.read(queue, fromIndex, afterSeq, publisher);
            }
            catch (final Throwable ex)
            {
                if (ex != consumerFailedSignal)
                {
                    readerFailure = ex;
                }
            }
            finally
            {
                readerDone = true;
            }
        }

        /** Reader thread: claim, copy, publish one record. */
        private void publish(final long seq, final Command command)
        {
            if (!ring.hasAvailableCapacity(1))
            {
                // The handler is the slower side: wait until half the ring is free and refill it in one go, instead
                // of waking for every few records it takes (each wake-up spins and yields a core the handler needs).
                while (!ring.hasAvailableCapacity(refill))
                {
                    if (consumerFailed)
                    {
                        throw consumerFailedSignal;
                    }
                    readerIdle.idle();
                }
                readerIdle.reset();
            }
            if (consumerFailed)
            {
                throw consumerFailedSignal;
            }
            final long sequence = ring.next();
            try
            {
                final Entry entry = ring.get(sequence);
                entry.seq = seq;
                entry.command.copyRequestFrom(command);
                entry.command.clearResult();
            }
            finally
            {
                ring.publish(sequence);
            }
        }

        /** Calling thread: hands every published record to the handler until the reader has finished. */
        private void deliverAll() throws Exception
        {
            int idle = 0;
            while (true)
            {
                // Read before polling: whatever the reader published before it finished is then seen by the poll.
                final boolean finished = readerDone;
                if (poller.poll(delivery) == EventPoller.PollState.PROCESSING)
                {
                    idle = 0;
                }
                else if (finished)
                {
                    return;
                }
                else if (idle++ < HANDLER_SPINS)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    // Never parks: the handler is the bound, and a parked thread on a busy host wakes late.
                    Thread.yield();
                }
            }
        }

        private boolean deliver(final Entry entry, final long sequence, final boolean endOfBatch)
        {
            handler.onCommand(entry.seq, entry.command);
            return true;
        }
    }

    private static void joinUninterruptibly(final Thread thread)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                thread.join();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException unchecked(final Throwable failure)
    {
        if (failure instanceof Error error)
        {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}

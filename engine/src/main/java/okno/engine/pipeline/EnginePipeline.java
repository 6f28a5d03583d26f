package okno.engine.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventProcessorFactory;
import com.lmax.disruptor.dsl.ProducerType;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import okno.engine.api.Command;
import okno.engine.api.EventListener;
import okno.engine.api.StateMachine;
import okno.engine.journal.JournalWriter;
import okno.engine.snapshot.SnapshotStore;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hosts a deterministic {@link StateMachine} on one node: a Disruptor ring of commands, a Chronicle Queue
 * journal, snapshots, and recovery from both at start-up.
 *
 * <pre>
 *  producers (Netty threads, simulators)
 *     | under one lock: claim, fill, stamp time, publish   (single-producer ring of CommandSlot)
 *     v
 *  PARALLEL stages (three consumer threads):
 *  +--------------------+   +-------------------------+
 *  | 1a JournalHandler  |   | 1b BusinessLogicHandler |   both read the ring in parallel
 *  | batch -> 1 document|   | StateMachine.apply,     |
 *  | commit at batch end|   | events into the slot,   |
 *  +--------------------+   | periodic snapshots      |
 *            \              +-------------------------+
 *             \                /
 *           +--------------------+
 *           | 2 ReplyHandler     |   after both: reply to the caller, events to subscribers
 *           +--------------------+
 *
 *  FUSED stages (one consumer thread, FusedHandler): per batch of at most one document's records,
 *           journal the batch -> then per command: apply, reply, events to subscribers
 * </pre>
 *
 * <p>Either way a caller is answered only after its command is applied and journaled. Snapshots are encoded on
 * the thread that applies commands and written to disk by a snapshot writer thread.
 *
 * <p>Lifecycle: construct, {@link #start()} once (recovery, then commands are accepted), {@link #close()}
 * (drains the ring, writes a final snapshot, closes the journal; repeatable). Data directory layout:
 * {@code <data>/journal/} and {@code <data>/snapshots/}.
 */
public final class EnginePipeline implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(EnginePipeline.class.getName());
    private static final CommandTranslator<Consumer<Command>> CONSUMER_TRANSLATOR = (command, fill) ->
        fill.accept(command);

    private final PipelineConfig config;
    private final StateMachine state;
    private final EpochClock clock;
    private final ReplyHandler replies = new ReplyHandler();
    private final Object ingressLock = new Object();
    private long lastStampMs = Long.MIN_VALUE;
    private volatile boolean accepting;
    private boolean started;
    private boolean closed;
    private ChronicleQueue queue;
    private SnapshotStore snapshots;
    private SnapshotWriter snapshotWriter;
    private Disruptor<CommandSlot> disruptor;
    private volatile RingBuffer<CommandSlot> ring;
    private volatile JournalHandler journal;
    /** Progress of the stage that journals: the journal handler's, or the fused handler's. */
    private volatile Sequence journalProgress;
    private BusinessLogicHandler logic;
    private RecoveryReport recovery;

    /**
     * @param config settings
     * @param state  the state machine in its empty state; owned by the pipeline's business-logic thread from
     *               {@link #start()} on
     * @param clock  the time source stamped into every command at ingress
     */
    public EnginePipeline(final PipelineConfig config, final StateMachine state, final EpochClock clock)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Recovers the state (newest valid snapshot plus journal tail), then starts accepting commands.
     *
     * @return what recovery found
     * @throws IllegalStateException when called twice or after close, or when a snapshot's state hash does not
     *                               match its contents
     */
    public synchronized RecoveryReport start() throws IOException
    {
        if (started || closed)
        {
            throw new IllegalStateException(closed ? "pipeline closed" : "pipeline already started");
        }
        started = true;
        Files.createDirectories(config.journalDir());
        snapshots = new SnapshotStore(config.snapshotDir(), config.snapshotsToKeep());
        snapshots.deleteTemporaryFiles();
        queue = openJournal(config);
        try
        {
            recovery = Recovery.recover(state, snapshots, queue, true);
        }
        catch (final IOException | RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
        LOG.log(Level.INFO, "recovered from {0}: {1}", config.dataDir(), recovery);

        final JournalWriter writer = new JournalWriter(queue, config.maxRecordsPerDocument(),
            recovery.lastSeq(), recovery.journal().lastGoodIndex(), config.syncEveryBatch());
        journal = new JournalHandler(writer, config.maxRecordsPerDocument(), recovery.journal().damagedIndex());
        snapshotWriter = new SnapshotWriter(snapshots);
        logic = new BusinessLogicHandler(state, snapshotWriter, journal, config.snapshotEvery(), recovery.lastSeq());
        // Producers claim, fill and publish under the ingress lock, so the ring has one producer at a time. With a
        // multi-producer ring, claim and publish were apart: the stages spun on a claimed, unpublished slot while
        // its producer was descheduled, taking the CPU it needed (2 cores, binary load: 293 k/s -> 364-399 k/s).
        final boolean fused = config.stages() == PipelineStages.FUSED;
        final int slotEvents = fused ? 0 : EventBuffer.SLOT_CAPACITY;
        disruptor = new Disruptor<>(() -> new CommandSlot(slotEvents), config.ringSize(),
            new PipelineThreadFactory(), ProducerType.SINGLE, config.waitStrategy().create());
        if (fused)
        {
            // One batch is one journal document at most, and its slots are still in cache for the second pass.
            final EventProcessorFactory<CommandSlot> fusedStage = (ringBuffer, barrier) ->
            {
                final BatchEventProcessor<CommandSlot> processor = new BatchEventProcessorBuilder()
                    .setMaxBatchSize(config.maxRecordsPerDocument())
                    .build(ringBuffer, ringBuffer.newBarrier(barrier),
                        new FusedHandler(journal, logic, replies, ringBuffer));
                journalProgress = processor.getSequence();
                return processor;
            };
            disruptor.handleEventsWith(fusedStage);
        }
        else
        {
            // 1a journal and 1b business logic in parallel, 2 replies after both.
            disruptor.handleEventsWith(journal, logic).then(replies);
        }
        ring = disruptor.start();
        accepting = true;
        return recovery;
    }

    /** @return what start-up recovery found; null before {@link #start()}. */
    public synchronized RecoveryReport recovery()
    {
        return recovery;
    }

    /**
     * @return journal sequence of the last command written to the journal (0 when none); any thread, for
     *         metrics and tests
     */
    public long journaledSequence()
    {
        final JournalHandler handler = journal;
        return handler == null ? 0 : handler.committedSeq();
    }

    /** @return free slots of the command ring (0 before start); any thread, for metrics. */
    public long remainingCapacity()
    {
        final RingBuffer<CommandSlot> r = ring;
        return r == null ? 0 : r.remainingCapacity();
    }

    /** @return commands published to the ring but not yet handled by the journaler; any thread, for metrics. */
    public long journalLag()
    {
        final RingBuffer<CommandSlot> r = ring;
        if (r == null)
        {
            return 0;
        }
        final Sequence fusedProgress = journalProgress;
        final long journaled = fusedProgress != null ? fusedProgress.get() : disruptor.getSequenceValueFor(journal);
        return Math.max(0, r.getCursor() - journaled);
    }

    /**
     * Adds a subscriber to every event, called on the publisher thread (fused stages: the engine thread, right
     * after the command is applied) in command order. May be called at any
     * time; takes effect from the next command published.
     */
    public void addSubscriber(final EventListener subscriber)
    {
        replies.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Removes a subscriber added before. */
    public void removeSubscriber(final EventListener subscriber)
    {
        replies.remove(subscriber);
    }

    /**
     * Adds an observer of every command that entered the engine (queries included), called on the publisher
     * thread in command order before the command's own listener, e.g. to count commands. May be called at any
     * time; takes effect from the next command published.
     */
    public void addReplyObserver(final ReplyListener observer)
    {
        replies.addObserver(Objects.requireNonNull(observer, "observer"));
    }

    /** Removes a reply observer added before. */
    public void removeReplyObserver(final ReplyListener observer)
    {
        replies.removeObserver(observer);
    }

    /**
     * Claims a slot, fills it, stamps the time and publishes it; waits while the ring is full. Thread-safe.
     * The reply comes on the publisher thread once the command is applied and journaled.
     *
     * @param translator fills the cleared command (any {@code timestampMs} it sets is replaced)
     * @param arg        argument for the translator
     * @param listener   receives the reply; null for none
     * @param correlation handed back to the listener
     * @throws IllegalStateException when the pipeline is not accepting commands
     */
    public <A> void submit(final CommandTranslator<A> translator, final A arg, final ReplyListener listener,
        final long correlation)
    {
        synchronized (ingressLock)
        {
            checkAccepting();
            fillAndPublish(claim(1), stamp(), translator, arg, listener, correlation);
        }
    }

    /**
     * As {@link #submit} but refuses instead of waiting when the ring is full (back-pressure for I/O threads).
     *
     * @return false when the ring is full and nothing was submitted
     */
    public <A> boolean trySubmit(final CommandTranslator<A> translator, final A arg, final ReplyListener listener,
        final long correlation)
    {
        synchronized (ingressLock)
        {
            checkAccepting();
            final long sequence;
            try
            {
                sequence = ring.tryNext();
            }
            catch (final InsufficientCapacityException ex)
            {
                return false;
            }
            fillAndPublish(sequence, stamp(), translator, arg, listener, correlation);
            return true;
        }
    }

    /**
     * Submits {@code count} commands with one claim of the ring and one publish: the ingress lock and the
     * consumers' wake-up are paid once per batch. Every command of the batch gets the same timestamp. Waits
     * while the ring lacks room. Thread-safe.
     *
     * @param translator       fills each cleared command from its argument
     * @param args             arguments, {@code args[offset]} to {@code args[offset + count - 1]}
     * @param count            commands, 1 to the ring size
     * @param listener         receives every reply; null for none
     * @param firstCorrelation handed back with the first command; the i-th gets {@code firstCorrelation + i}
     * @throws IllegalArgumentException when {@code count} is out of range
     * @throws IllegalStateException    when the pipeline is not accepting commands
     */
    public <A> void submitBatch(final CommandTranslator<A> translator, final A[] args, final int offset,
        final int count, final ReplyListener listener, final long firstCorrelation)
    {
        submitBatch(translator, args, null, firstCorrelation, offset, count, listener);
    }

    /**
     * As {@link #submitBatch(CommandTranslator, Object[], int, int, ReplyListener, long)} with a correlation of
     * each command's own: {@code correlations[offset + i]} is handed back with {@code args[offset + i]}.
     */
    public <A> void submitBatch(final CommandTranslator<A> translator, final A[] args, final long[] correlations,
        final int offset, final int count, final ReplyListener listener)
    {
        submitBatch(translator, args, Objects.requireNonNull(correlations, "correlations"), 0, offset, count,
            listener);
    }

    /** Claims, fills and publishes under the ingress lock: the ring has a single producer at a time. */
    private <A> void submitBatch(final CommandTranslator<A> translator, final A[] args, final long[] correlations,
        final long firstCorrelation, final int offset, final int count, final ReplyListener listener)
    {
        if (count < 1 || count > config.ringSize())
        {
            throw new IllegalArgumentException("batch of " + count + " commands, ring of " + config.ringSize());
        }
        synchronized (ingressLock)
        {
            checkAccepting();
            final long high = claim(count);
            final long timestampMs = stamp();
            final long low = high - count + 1;
            long sequence = low;
            try
            {
                for (; sequence <= high; sequence++)
                {
                    final int i = (int)(sequence - low);
                    fill(sequence, timestampMs, translator, args[offset + i], listener,
                        correlations == null ? firstCorrelation + i : correlations[offset + i]);
                }
            }
            finally
            {
                // After a failing translator the rest of the claimed slots still travel, as no-ops without replies.
                for (sequence++; sequence <= high; sequence++)
                {
                    final CommandSlot slot = ring.get(sequence);
                    slot.reset(null, 0);
                    slot.rejectAtIngress();
                }
                ring.publish(low, high);
            }
        }
    }

    /**
     * Submits a command and waits for its reply: for tests and slow paths (allocates).
     *
     * @return a copy of the command with its result fields
     * @throws IllegalStateException when no reply comes within the configured call timeout
     */
    public Command call(final Consumer<Command> fill)
    {
        final BlockingReply reply = new BlockingReply();
        submit(CONSUMER_TRANSLATOR, fill, reply, 0);
        return reply.await(config.callTimeout().toMillis());
    }

    /**
     * Stops accepting commands, drains the ring, writes a final snapshot and closes the journal. Idempotent;
     * safe before {@link #start()}.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        synchronized (ingressLock)
        {
            accepting = false;
        }
        if (disruptor != null)
        {
            boolean drained = true;
            try
            {
                disruptor.shutdown(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (final TimeoutException ex)
            {
                LOG.log(Level.ERROR, "ring not drained within {0}; halting without a final snapshot",
                    config.shutdownTimeout());
                disruptor.halt();
                drained = false;
            }
            awaitJournalStopped();
            if (drained)
            {
                writeFinalSnapshot();
            }
            snapshotWriter.close();
        }
        if (queue != null)
        {
            queue.close();
        }
        LOG.log(Level.INFO, "pipeline over {0} closed", config.dataDir());
    }

    private void writeFinalSnapshot()
    {
        if (logic.appliedSeq() != journal.committedSeq())
        {
            LOG.log(Level.ERROR, "applied sequence {0} differs from journaled sequence {1}; no final snapshot",
                String.valueOf(logic.appliedSeq()), String.valueOf(journal.committedSeq()));
            return;
        }
        awaitSnapshotsWritten();
        logic.snapshot(journal.committedIndex());
    }

    /**
     * Waits until no periodic snapshot is being written (at most the shutdown timeout). Snapshots are written by a
     * writer thread and one falling due while the previous one is written is skipped, so a caller that needs
     * every snapshot (tests, tools that copy the newest one) calls this after the command that made one due.
     * Any thread.
     */
    public void awaitSnapshotsWritten()
    {
        awaitWithin(snapshotWriter::awaitIdle, "snapshot still being written after {0}");
    }

    private void awaitJournalStopped()
    {
        awaitWithin(journal::awaitStopped, "journal thread did not stop within {0}");
    }

    /** A bounded wait of the shutdown timeout that logs when it runs out and keeps an interrupt for the caller. */
    private void awaitWithin(final TimedWait wait, final String timeoutMessage)
    {
        try
        {
            if (!wait.await(config.shutdownTimeout().toMillis()))
            {
                LOG.log(Level.ERROR, timeoutMessage, config.shutdownTimeout());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface TimedWait
    {
        boolean await(long timeoutMs) throws InterruptedException;
    }

    private void checkAccepting()
    {
        if (!accepting)
        {
            throw new IllegalStateException(closed ? "pipeline closed" : "pipeline not started");
        }
    }

    /**
     * Claims {@code n} slots, waiting while the ring lacks room; under the ingress lock. Not {@code ring.next}:
     * it asserts that one thread produces, where the lock makes one producer at a time.
     */
    private long claim(final int n)
    {
        while (true)
        {
            try
            {
                return ring.tryNext(n);
            }
            catch (final InsufficientCapacityException full)
            {
                LockSupport.parkNanos(1);
            }
        }
    }

    /** Called under the ingress lock right after the claim, so time never goes backwards in ring order. */
    private long stamp()
    {
        final long now = Math.max(clock.time(), lastStampMs);
        lastStampMs = now;
        return now;
    }

    private <A> void fillAndPublish(final long sequence, final long timestampMs,
        final CommandTranslator<A> translator, final A arg, final ReplyListener listener, final long correlation)
    {
        try
        {
            fill(sequence, timestampMs, translator, arg, listener, correlation);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    /** Fills a claimed slot; a failing translator leaves it as a no-op without a reply and is rethrown. */
    private <A> void fill(final long sequence, final long timestampMs, final CommandTranslator<A> translator,
        final A arg, final ReplyListener listener, final long correlation)
    {
        final CommandSlot slot = ring.get(sequence);
        try
        {
            final Command command = slot.reset(listener, correlation);
            translator.translate(command, arg);
            command.timestampMs = timestampMs;
            if (command.type == null)
            {
                slot.rejectAtIngress();
            }
        }
        catch (final RuntimeException ex)
        {
            slot.rejectAtIngress();
            slot.listener = null;
            throw ex;
        }
    }

    static ChronicleQueue openJournal(final PipelineConfig config)
    {
        return SingleChronicleQueueBuilder.binary(config.journalDir())
            .syncMode(config.syncEveryBatch() ? SyncMode.SYNC : SyncMode.NONE)
            .build();
    }

    /** Names the pipeline threads and keeps them from holding the JVM open. */
    private static final class PipelineThreadFactory implements ThreadFactory
    {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final Thread thread = new Thread(runnable, "okno-pipeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

package okno.engine.pipeline;

import okno.engine.api.StateMachine;
import okno.engine.snapshot.SnapshotBody;
import okno.engine.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes snapshots without stopping the engine for the disk: the thread that owns the state machine only encodes
 * it into a reused in-memory body (and hashes it); a writer thread writes the file (temp file, fsync, atomic
 * rename, prune). While a write runs the body is in use, so a snapshot falling due then is skipped with a log
 * line: the journal still holds every command, and the next one comes a period later.
 */
final class SnapshotWriter implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(SnapshotWriter.class.getName());

    private final SnapshotStore store;
    private final SnapshotBody body = new SnapshotBody();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "okno-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** Set by the state machine's thread when it hands a body over, cleared by the writer when done. */
    private volatile boolean writing;

    SnapshotWriter(final SnapshotStore store)
    {
        this.store = store;
    }

    /**
     * Encodes the state and hands it to the writer thread; called on the thread that owns the state machine.
     *
     * @return false when the previous snapshot is still being written (nothing done)
     */
    boolean trySnapshot(final StateMachine state, final long journalSeq, final long resumeIndex)
    {
        if (writing)
        {
            LOG.log(Level.WARNING, "snapshot at journal sequence {0} skipped: the previous one is still being written",
                String.valueOf(journalSeq));
            return false;
        }
        final long start = System.nanoTime();
        try
        {
            body.encode(state);
        }
        catch (final UncheckedIOException ex)
        {
            LOG.log(Level.ERROR, "snapshot at journal sequence " + journalSeq + " could not be encoded", ex);
            return false;
        }
        final long stateHash = state.stateHash();
        final long encodeNs = System.nanoTime() - start;
        writing = true;
        writer.execute(() -> write(journalSeq, resumeIndex, stateHash, encodeNs));
        return true;
    }

    /** Waits until no snapshot is being written, at most {@code timeoutMs}; for close and tests. */
    boolean awaitIdle(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (this)
        {
            while (writing)
            {
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    return false;
                }
                wait(left);
            }
        }
        return true;
    }

    /** Lets a running write finish, then stops the writer thread. */
    @Override
    public void close()
    {
        writer.shutdown();
        try
        {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES))
            {
                LOG.log(Level.ERROR, "snapshot writer did not finish within a minute");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void write(final long journalSeq, final long resumeIndex, final long stateHash, final long encodeNs)
    {
        final long start = System.nanoTime();
        try
        {
            store.write(body, journalSeq, resumeIndex, stateHash);
            LOG.log(Level.INFO, "snapshot at journal sequence {0}: {1} bytes encoded in {2} ms on the engine "
                + "thread, written in {3} ms, state hash {4}", String.valueOf(journalSeq),
                String.valueOf(body.length()), String.valueOf(encodeNs / 1_000_000),
                String.valueOf((System.nanoTime() - start) / 1_000_000), Long.toHexString(stateHash));
        }
        catch (final IOException | RuntimeException ex)
        {
            // The journal still holds every command: a failed snapshot only makes the next start-up slower.
            LOG.log(Level.ERROR, "snapshot at journal sequence " + journalSeq + " failed", ex);
        }
        finally
        {
            synchronized (this)
            {
                writing = false;
                notifyAll();
            }
        }
    }
}

package okno.engine.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link EnginePipeline}, checked when built.
 *
 * @param dataDir               data directory: {@code journal/} (Chronicle Queue) and {@code snapshots/}
 * @param ringSize              slots in the command ring, a power of two
 * @param maxRecordsPerDocument most commands in one journal document; a bigger Disruptor batch is split
 * @param snapshotEvery         mutating commands between periodic snapshots, 0 for none (one is still taken at
 *                              clean shutdown)
 * @param snapshotsToKeep       newest snapshot files kept, at least 1
 * @param syncEveryBatch        force every journal document to the storage device before callers are answered
 *                              (survives power loss); otherwise a written document survives a process crash
 * @param shutdownTimeout       how long {@link EnginePipeline#close()} waits for the ring to drain
 * @param callTimeout           how long {@link EnginePipeline#call} waits for its reply
 * @param waitStrategy          how the pipeline stages wait for commands
 * @param stages                one fused consumer thread or parallel journal and logic threads
 */
public record PipelineConfig(
    Path dataDir,
    int ringSize,
    int maxRecordsPerDocument,
    long snapshotEvery,
    int snapshotsToKeep,
    boolean syncEveryBatch,
    Duration shutdownTimeout,
    Duration callTimeout,
    PipelineWaitStrategy waitStrategy,
    PipelineStages stages)
{
    /** Largest document: 16,384 records of 104 bytes stay well inside a Chronicle block. */
    public static final int MAX_RECORDS_PER_DOCUMENT = 16_384;

    /** Checks every setting. */
    public PipelineConfig
    {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(stages, "stages");
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ringSize must be a power of two >= 2: " + ringSize);
        }
        if (maxRecordsPerDocument < 1 || maxRecordsPerDocument > MAX_RECORDS_PER_DOCUMENT)
        {
            throw new IllegalArgumentException(
                "maxRecordsPerDocument must be 1.." + MAX_RECORDS_PER_DOCUMENT + ": " + maxRecordsPerDocument);
        }
        if (snapshotEvery < 0)
        {
            throw new IllegalArgumentException("snapshotEvery must be >= 0: " + snapshotEvery);
        }
        if (snapshotsToKeep < 1)
        {
            throw new IllegalArgumentException("snapshotsToKeep must be >= 1: " + snapshotsToKeep);
        }
        if (shutdownTimeout.isNegative() || callTimeout.isNegative() || callTimeout.isZero())
        {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * @return defaults: ring 4096, 1024 records per document, snapshot every 1,000,000 commands, keep 3, no sync,
     *     sleeping wait strategy, stages chosen for this machine's processors
     *     ({@link PipelineStages#forProcessors})
     */
    public static PipelineConfig defaults(final Path dataDir)
    {
        return new PipelineConfig(dataDir, 4096, 1024, 1_000_000, 3, false, Duration.ofSeconds(10),
            Duration.ofSeconds(10), PipelineWaitStrategy.SLEEPING,
            PipelineStages.forProcessors(Runtime.getRuntime().availableProcessors()));
    }

    /** @return a copy with another data directory. */
    public PipelineConfig withDataDir(final Path dir)
    {
        return new PipelineConfig(dir, ringSize, maxRecordsPerDocument, snapshotEvery, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, waitStrategy, stages);
    }

    /** @return a copy with other stages. */
    public PipelineConfig withStages(final PipelineStages kind)
    {
        return new PipelineConfig(dataDir, ringSize, maxRecordsPerDocument, snapshotEvery, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, waitStrategy, kind);
    }

    /** @return a copy with another ring size. */
    public PipelineConfig withRingSize(final int size)
    {
        return new PipelineConfig(dataDir, size, maxRecordsPerDocument, snapshotEvery, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, waitStrategy, stages);
    }

    /** @return a copy with another snapshot period. */
    public PipelineConfig withSnapshotEvery(final long commands)
    {
        return new PipelineConfig(dataDir, ringSize, maxRecordsPerDocument, commands, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, waitStrategy, stages);
    }

    /** @return a copy with another journal document size. */
    public PipelineConfig withMaxRecordsPerDocument(final int records)
    {
        return new PipelineConfig(dataDir, ringSize, records, snapshotEvery, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, waitStrategy, stages);
    }

    /** @return a copy with the sync mode set. */
    public PipelineConfig withSyncEveryBatch(final boolean sync)
    {
        return new PipelineConfig(dataDir, ringSize, maxRecordsPerDocument, snapshotEvery, snapshotsToKeep,
            sync, shutdownTimeout, callTimeout, waitStrategy, stages);
    }

    /** @return a copy with another wait strategy. */
    public PipelineConfig withWaitStrategy(final PipelineWaitStrategy strategy)
    {
        return new PipelineConfig(dataDir, ringSize, maxRecordsPerDocument, snapshotEvery, snapshotsToKeep,
            syncEveryBatch, shutdownTimeout, callTimeout, strategy, stages);
    }

    /** @return the Chronicle Queue directory. */
    public Path journalDir()
    {
        return dataDir.resolve("journal");
    }

    /** @return the snapshot directory. */
    public Path snapshotDir()
    {
        return dataDir.resolve("snapshots");
    }
}

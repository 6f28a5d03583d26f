package okno.engine.pipeline;

import okno.engine.api.CommandType;
import org.agrona.concurrent.SystemEpochClock;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process of {@link CrashRecoveryTest}: recovers a pipeline over a data directory, prints the
 * recovered state hash, retries some earlier request keys, issues new ones from two producer threads and
 * prints every acknowledgement as one flushed line. The parent kills it at random points.
 *
 * <p>Arguments: data directory, first new key, new key count, first retried key, retried key count, stages.
 */
public final class CrashChild
{
    static final int CENTRES = 4;

    private CrashChild()
    {
    }

    /** @return the centre a key asks for; {@link #CENTRES} itself is unknown and gets rejected. */
    static int centreOf(final long key)
    {
        return (int)(key % (CENTRES + 1));
    }

    public static void main(final String[] args) throws Exception
    {
        final Path data = Path.of(args[0]);
        final long firstKey = Long.parseLong(args[1]);
        final int count = Integer.parseInt(args[2]);
        final long retryFirst = Long.parseLong(args[3]);
        final int retryCount = Integer.parseInt(args[4]);
        final PipelineStages stages = PipelineStages.parse(args[5]);
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        final PipelineConfig config = PipelineConfig.defaults(data)
            .withRingSize(256).withMaxRecordsPerDocument(64).withSnapshotEvery(700).withStages(stages);
        try (EnginePipeline pipeline = new EnginePipeline(config, new CountingStateMachine(CENTRES),
            SystemEpochClock.INSTANCE))
        {
            final RecoveryReport report = pipeline.start();
            out.println("RECOVERED " + report.stateHash() + " " + report.lastSeq());
            final ReplyListener acks = (correlation, command) -> out.println("ACK " + command.requestKey + " "
                + command.result + " " + command.centre + " " + command.resultTicket + " " + command.duplicate);
            final CommandTranslator<Long> issue = (command, key) ->
            {
                command.type = CommandType.ISSUE_TICKET;
                command.requestKey = key;
                command.centre = centreOf(key);
            };
            for (long key = retryFirst; key < retryFirst + retryCount; key++)
            {
                pipeline.submit(issue, key, acks, 0);
            }
            final Thread[] producers = new Thread[2];
            for (int p = 0; p < producers.length; p++)
            {
                final int producer = p;
                producers[p] = new Thread(() ->
                {
                    for (long key = firstKey + producer; key < firstKey + count; key += producers.length)
                    {
                        pipeline.submit(issue, key, acks, 0);
                    }
                });
                producers[p].start();
            }
            for (final Thread producer : producers)
            {
                producer.join();
            }
        }
        out.println("DONE");
    }
}

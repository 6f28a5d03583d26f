package okno.bench;

import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.Result;
import okno.engine.state.NetworkState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The state machine alone: one {@link NetworkState#apply} per operation over the {@link Workload} day (take,
 * call-next, start, complete and the morning's window openings), events counted by a listener. Setup runs two
 * whole passes first, so pools and maps have their full size and every command is checked to succeed; the
 * measured loop should then allocate nothing ({@code -prof gc}: {@code gc.alloc.rate.norm} near 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dchronicle.analytics.disable=true"})
public class EngineBenchmark implements EventListener
{
    /** Network name for {@code Networks.byName}. */
    @Param("moscow")
    public String network;

    /** Visits of the workload day. */
    @Param("70000")
    public int visitsPerDay;

    private NetworkState state;
    private Workload workload;
    private long events;

    /** Builds the state and the day, and runs two passes that must succeed entirely. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final NetworkConfig config = Networks.byName(network);
        state = new NetworkState(config);
        workload = Workload.generate(config, 42, visitsPerDay, 0, 1);
        for (int i = 0; i < 2 * workload.size(); i++)
        {
            final Command command = workload.next();
            state.apply(command, this);
            if (command.result != Result.OK)
            {
                throw new IllegalStateException("workload command " + i + " rejected: " + command);
            }
        }
    }

    /** @return the result, consumed by JMH */
    @Benchmark
    public Result apply()
    {
        final Command command = workload.next();
        state.apply(command, this);
        return command.result;
    }

    @Override
    public void onEvent(final EngineEvent event)
    {
        events++;
    }
}

package okno.bench;

import java.io.PrintStream;
import java.util.Set;

/**
 * {@code okno bench jitter}: how often this host takes a core away from a thread that never blocks. Each of
 * {@code --threads} threads spins on {@link System#nanoTime()} for {@code --seconds} and records its gaps
 * ({@link HostStalls}). The result is a floor under any latency benchmark on the same host: the pipeline's
 * producer and engine threads spin the same way, so no code change gets their tail below the host's stalls.
 */
final class JitterBench
{
    static final Set<String> OPTIONS = Set.of("threads", "seconds");

    private JitterBench()
    {
    }

    static void run(final BenchArgs args, final PrintStream out) throws InterruptedException
    {
        final int threads = args.integer("threads", Runtime.getRuntime().availableProcessors());
        final double seconds = args.decimal("seconds", 8);
        if (threads < 1 || seconds <= 0)
        {
            throw new IllegalArgumentException("--threads must be at least 1 and --seconds positive");
        }
        final HostStalls[] perThread = measure(threads, (long)(seconds * 1e9));
        out.printf("jitter: %d spinning threads, %.1f s (gaps > %d µs between two reads of the clock)%n", threads,
            seconds, HostStalls.STALL_NS / 1000);
        out.println("thread        stalls  slices>1ms  max ms  share delayed >10 µs  >50 µs");
        final HostStalls any = new HostStalls();
        for (int t = 0; t < threads; t++)
        {
            out.println(perThread[t].format(Integer.toString(t)));
            any.add(perThread[t]);
        }
        out.println(any.format("any"));
        out.printf("an open-loop client of threads like these has at least %.3f %% of commands delayed beyond 10 µs "
            + "(p99 <= 10 µs needs < 1 %%) and %.3f %% beyond 50 µs (p99.9 <= 50 µs needs < 0.1 %%)%n",
            100 * any.shareBeyond10us(), 100 * any.shareBeyond50us());
    }

    private static HostStalls[] measure(final int threads, final long durationNs) throws InterruptedException
    {
        final HostStalls[] stalls = new HostStalls[threads];
        final Thread[] spinners = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            final HostStalls mine = new HostStalls();
            stalls[t] = mine;
            spinners[t] = new Thread(() -> spin(mine, durationNs), "okno-jitter-" + t);
            spinners[t].start();
        }
        for (final Thread spinner : spinners)
        {
            spinner.join();
        }
        return stalls;
    }

    private static void spin(final HostStalls stalls, final long durationNs)
    {
        final long end = System.nanoTime() + durationNs;
        long last = System.nanoTime();
        while (last < end)
        {
            final long now = System.nanoTime();
            stalls.gap(now - last);
            last = now;
        }
    }
}

package okno.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the benchmark's own threads (names starting {@code okno-}) between two points: on a shared
 * 2-core machine, nanoseconds of CPU per command compare runs better than wall-clock rates, and show which
 * stage spends them (a spinning or yielding stage burns CPU without doing work).
 */
final class ThreadCpu
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> start;

    private ThreadCpu(final Map<String, Long> start)
    {
        this.start = start;
    }

    /** @return CPU times now, to compare with a later {@link #since}. */
    static ThreadCpu now()
    {
        return new ThreadCpu(sample());
    }

    /**
     * @param operations commands done since this sample
     * @return one line: CPU nanoseconds per operation of each {@code okno-} thread and their sum
     */
    String since(final long operations)
    {
        final Map<String, Long> end = sample();
        final StringBuilder line = new StringBuilder();
        long total = 0;
        for (final Map.Entry<String, Long> e : end.entrySet())
        {
            final long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            total += used;
            line.append(String.format(" %s %.0f", e.getKey().substring("okno-".length()),
                used / (double)Math.max(1, operations)));
        }
        return String.format("CPU ns/command: total %.0f =%s", total / (double)Math.max(1, operations), line);
    }

    private static Map<String, Long> sample()
    {
        final Map<String, Long> cpu = new TreeMap<>();
        for (final ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds()))
        {
            if (info != null && info.getThreadName().startsWith("okno-"))
            {
                final long ns = THREADS.getThreadCpuTime(info.getThreadId());
                if (ns >= 0)
                {
                    cpu.merge(info.getThreadName(), ns, Long::sum);
                }
            }
        }
        return cpu;
    }
}

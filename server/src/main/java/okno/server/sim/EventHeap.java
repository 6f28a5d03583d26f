package okno.server.sim;

import java.util.Arrays;

/**
 * The simulator's future events: a binary min-heap of (time, sequence) with an event kind and two int
 * arguments, in parallel primitive arrays. The sequence makes events of the same millisecond pop in the order
 * they were scheduled, so a run is deterministic.
 */
final class EventHeap
{
    private long[] keys = new long[1024];
    private long[] times = new long[1024];
    private int[] kinds = new int[1024];
    private int[] as = new int[1024];
    private int[] bs = new int[1024];
    private int size;
    private long sequence;

    private long topTime;
    private int topKind;
    private int topA;
    private int topB;

    /** Schedules an event. */
    void push(final long timeMs, final int kind, final int a, final int b)
    {
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size * 2);
            times = Arrays.copyOf(times, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
            as = Arrays.copyOf(as, size * 2);
            bs = Arrays.copyOf(bs, size * 2);
        }
        int i = size++;
        final long key = sequence++;
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            if (!before(timeMs, key, times[parent], keys[parent]))
            {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, timeMs, key, kind, a, b);
    }

    /** @return whether there is an event left. */
    boolean isEmpty()
    {
        return size == 0;
    }

    /** @return time of the earliest event. */
    long peekTime()
    {
        return times[0];
    }

    /** Removes the earliest event; read it with {@link #time()}, {@link #kind()}, {@link #a()}, {@link #b()}. */
    void pop()
    {
        topTime = times[0];
        topKind = kinds[0];
        topA = as[0];
        topB = bs[0];
        size--;
        if (size == 0)
        {
            return;
        }
        final long t = times[size];
        final long k = keys[size];
        final int kind = kinds[size];
        final int a = as[size];
        final int b = bs[size];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && before(times[child + 1], keys[child + 1], times[child], keys[child]))
            {
                child++;
            }
            if (!before(times[child], keys[child], t, k))
            {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, k, kind, a, b);
    }

    long time()
    {
        return topTime;
    }

    int kind()
    {
        return topKind;
    }

    int a()
    {
        return topA;
    }

    int b()
    {
        return topB;
    }

    private static boolean before(final long t1, final long k1, final long t2, final long k2)
    {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void move(final int from, final int to)
    {
        set(to, times[from], keys[from], kinds[from], as[from], bs[from]);
    }

    private void set(final int i, final long t, final long k, final int kind, final int a, final int b)
    {
        times[i] = t;
        keys[i] = k;
        kinds[i] = kind;
        as[i] = a;
        bs[i] = b;
    }
}

package okno.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop run: requests are due at a fixed offered rate spread over the connections whatever the answers
 * do, pipelined; the latency of each answer is measured from the time its request was due (so a stalled
 * server is not hidden by a stalled sender). One sender thread for all connections, one reader per connection.
 */
final class OpenLoopRun
{
    private static final int RING = 1 << 21;
    private static final long STALL_NS = TimeUnit.SECONDS.toNanos(15);

    private final InetSocketAddress target;
    private final List<LoadProtocol> protocols;
    private final double ratePerSecond;
    private final long total;

    OpenLoopRun(final InetSocketAddress target, final List<LoadProtocol> protocols, final double ratePerSecond,
        final double seconds)
    {
        this.target = target;
        this.protocols = protocols;
        this.ratePerSecond = ratePerSecond;
        this.total = (long)(ratePerSecond * seconds);
    }

    /** What a run measured. */
    record Outcome(long answers, long refused, double seconds, Histogram latencyNs)
    {
        double throughput()
        {
            return answers / seconds;
        }
    }

    /** One connection's socket, buffers and the due times of its requests in flight. */
    private static final class Connection
    {
        final LoadProtocol protocol;
        final SocketChannel socket;
        final ByteBuffer out = ByteBuffer.allocateDirect(256 * 1024);
        final AtomicLongArray dueNs = new AtomicLongArray(RING);
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long sent;
        long expected;
        long refused;
        volatile long received;
        volatile long lastAnswerNs;

        Connection(final LoadProtocol protocol, final InetSocketAddress target) throws IOException
        {
            this.protocol = protocol;
            socket = SocketChannel.open(target);
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    Outcome run() throws IOException, InterruptedException
    {
        final List<Connection> connections = new ArrayList<>();
        for (final LoadProtocol protocol : protocols)
        {
            connections.add(setUp(new Connection(protocol, target)));
        }
        for (int i = 0; i < connections.size(); i++)
        {
            connections.get(i).expected = total / connections.size() + (i < total % connections.size() ? 1 : 0);
        }
        final long startNs = System.nanoTime();
        final List<Thread> readers = new ArrayList<>();
        for (final Connection c : connections)
        {
            final Thread reader = new Thread(() -> read(c), "load-reader");
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        send(connections, startNs);
        // Answers that never come must not hang the run: close the sockets after a grace period.
        final long deadlineMs = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(STALL_NS);
        for (final Thread reader : readers)
        {
            reader.join(Math.max(1, deadlineMs - System.currentTimeMillis()));
        }
        for (final Connection c : connections)
        {
            c.socket.close();
        }
        for (final Thread reader : readers)
        {
            reader.join();
        }
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long answers = 0;
        long refused = 0;
        long lastNs = startNs;
        for (final Connection c : connections)
        {
            latency.add(c.histogram);
            answers += c.received;
            refused += c.refused;
            lastNs = Math.max(lastNs, c.lastAnswerNs);
        }
        return new Outcome(answers, refused, (lastNs - startNs) / 1e9, latency);
    }

    private static Connection setUp(final Connection c) throws IOException
    {
        c.protocol.setUpRequests(c.out);
        flush(c);
        final ByteBuffer in = ByteBuffer.allocate(4096);
        int answers = 0;
        while (answers < c.protocol.setUpAnswers())
        {
            if (c.socket.read(in) < 0)
            {
                throw new IOException("server closed the connection during set-up");
            }
            in.flip();
            while (answers < c.protocol.setUpAnswers() && c.protocol.readAnswer(in) >= 0)
            {
                answers++;
            }
            in.compact();
        }
        return c;
    }

    private void send(final List<Connection> connections, final long startNs) throws IOException
    {
        final double intervalNs = 1e9 / ratePerSecond;
        final int n = connections.size();
        long next = 0;
        while (next < total)
        {
            final long due = Math.min(total, (long)((System.nanoTime() - startNs) / intervalNs) + 1);
            if (next >= due)
            {
                LockSupport.parkNanos(20_000);
                continue;
            }
            while (next < due)
            {
                final Connection c = connections.get((int)(next % n));
                if (!c.protocol.writeRequest(c.out, c.sent))
                {
                    flush(c);
                    continue;
                }
                c.dueNs.lazySet((int)(c.sent & (RING - 1)), startNs + (long)(next * intervalNs));
                c.sent++;
                next++;
            }
            for (final Connection c : connections)
            {
                flush(c);
            }
        }
    }

    private static void flush(final Connection c) throws IOException
    {
        c.out.flip();
        while (c.out.hasRemaining())
        {
            c.socket.write(c.out);
        }
        c.out.clear();
    }

    private static void read(final Connection c)
    {
        final ByteBuffer in = ByteBuffer.allocateDirect(1024 * 1024);
        long received = 0;
        long progressNs = 0;
        try
        {
            while (received < c.expected)
            {
                if (c.socket.read(in) < 0)
                {
                    break;
                }
                in.flip();
                int answer;
                final long nowNs = System.nanoTime();
                while ((answer = c.protocol.readAnswer(in)) >= 0)
                {
                    c.histogram.recordValue(Math.max(0, nowNs - c.dueNs.get((int)(received & (RING - 1)))));
                    c.refused += answer;
                    received++;
                    progressNs = nowNs;
                }
                in.compact();
                c.received = received;
                c.lastAnswerNs = progressNs;
            }
        }
        catch (final IOException ex)
        {
            System.err.println("connection closed after " + received + " of " + c.expected + " answers: " + ex);
        }
    }
}

package okno.protocol.metrics;

import io.netty.channel.Channel;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the open connections of one endpoint for the {@code okno_connections} gauge. Thread-safe. */
public final class OpenConnections
{
    private final AtomicInteger open = new AtomicInteger();

    /** Counts the channel until it closes; call from the channel initialiser. */
    public void track(final Channel channel)
    {
        open.incrementAndGet();
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
    }

    /** @return connections open now. */
    public int count()
    {
        return open.get();
    }
}

package okno.protocol.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import okno.protocol.metrics.OpenConnections;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One listening TCP socket with its own Netty event loops: the lifecycle both endpoints share. Lifecycle:
 * {@link #start} once, {@link #close} any number of times, also after a failed start.
 */
public final class TcpListener implements AutoCloseable
{
    private final int ioThreads;
    private final Consumer<ServerBootstrap> tuning;
    private final Consumer<ChannelPipeline> handlers;
    private final OpenConnections connections = new OpenConnections();
    private EventLoopGroup group;
    private Channel serverChannel;

    /**
     * @param ioThreads event-loop threads serving the accepted connections
     * @param tuning    child channel options of the endpoint
     * @param handlers  fills the pipeline of each accepted connection
     */
    public TcpListener(final int ioThreads, final Consumer<ServerBootstrap> tuning,
        final Consumer<ChannelPipeline> handlers)
    {
        this.ioThreads = ioThreads;
        this.tuning = tuning;
        this.handlers = handlers;
    }

    /**
     * Binds and starts accepting.
     *
     * @param host address to bind
     * @param port port to bind, 0 for any free one
     * @return the bound port
     * @throws IOException          when the address cannot be bound (in use, not local)
     * @throws InterruptedException when interrupted while binding
     */
    public synchronized int start(final String host, final int port) throws IOException, InterruptedException
    {
        if (group != null)
        {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    connections.track(ch);
                    handlers.accept(ch.pipeline());
                }
            });
        tuning.accept(bootstrap);
        try
        {
            serverChannel = bootstrap.bind(host, port).sync().channel();
        }
        catch (final InterruptedException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            // Netty rethrows the socket's BindException unchecked; name the address the operator asked for.
            throw new IOException("cannot listen on " + host + ":" + port + ": " + ex.getMessage(), ex);
        }
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** @return client connections open now. */
    public int openConnections()
    {
        return connections.count();
    }

    @Override
    public synchronized void close()
    {
        if (group == null)
        {
            return;
        }
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
    }
}

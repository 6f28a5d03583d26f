package okno.protocol.binary;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import okno.config.NetworkIndex;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.metrics.OpenConnections;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * TCP endpoint of the binary kiosk protocol ({@link BinaryProtocol}). Lifecycle: {@link #start} once,
 * {@link #close} any number of times.
 */
public final class BinaryProtocolServer implements AutoCloseable
{
    private final EngineGateway gateway;
    private final TokenAuthenticator authenticator;
    private final NetworkIndex index;
    private final OpenConnections connections = new OpenConnections();
    private EventLoopGroup group;
    private Channel serverChannel;

    public BinaryProtocolServer(final EngineGateway gateway, final TokenAuthenticator authenticator,
        final NetworkIndex index)
    {
        this.gateway = gateway;
        this.authenticator = authenticator;
        this.index = index;
    }

    /** @return the bound port. */
    public synchronized int start(final String host, final int port) throws InterruptedException
    {
        if (group != null)
        {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        serverChannel = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    connections.track(ch);
                    // The session cuts frames itself and writes the answers of an engine batch at once.
                    ch.pipeline().addLast("session", new BinarySessionHandler(gateway, authenticator, index));
                }
            })
            .bind(host, port).sync().channel();
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
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
    }
}

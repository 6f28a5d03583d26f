package okno.protocol.binary;

import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import okno.config.NetworkIndex;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.transport.TcpListener;

import java.io.IOException;

/**
 * TCP endpoint of the binary kiosk protocol ({@link BinaryProtocol}). Lifecycle: {@link #start} once,
 * {@link #close} any number of times.
 */
public final class BinaryProtocolServer implements AutoCloseable
{
    private final TcpListener listener;

    public BinaryProtocolServer(final EngineGateway gateway, final TokenAuthenticator authenticator,
        final NetworkIndex index)
    {
        listener = new TcpListener(1,
            bootstrap -> bootstrap
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024)),
            // The session cuts frames itself and writes the answers of an engine batch at once.
            pipeline -> pipeline.addLast("session", new BinarySessionHandler(gateway, authenticator, index)));
    }

    /**
     * Binds and starts serving.
     *
     * @param host address to bind
     * @param port port to bind, 0 for any free one
     * @return the bound port
     * @throws IOException          when the address cannot be bound
     * @throws InterruptedException when interrupted while binding
     */
    public int start(final String host, final int port) throws IOException, InterruptedException
    {
        return listener.start(host, port);
    }

    /** @return client connections open now. */
    public int openConnections()
    {
        return listener.openConnections();
    }

    @Override
    public void close()
    {
        listener.close();
    }
}

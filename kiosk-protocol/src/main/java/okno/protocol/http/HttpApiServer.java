package okno.protocol.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import okno.protocol.metrics.OpenConnections;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP/JSON and WebSocket endpoint on one port. Lifecycle: {@link #start} once, {@link #close} any
 * number of times.
 */
public final class HttpApiServer implements AutoCloseable
{
    /** Largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpApiHandler handler;
    private final OpenConnections connections = new OpenConnections();
    private EventLoopGroup group;
    private Channel serverChannel;

    public HttpApiServer(final HttpApiHandler handler)
    {
        this.handler = handler;
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound port (useful with port 0)
     */
    public synchronized int start(final String host, final int port) throws InterruptedException
    {
        if (group != null)
        {
            throw new IllegalStateException("already started");
        }
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        serverChannel = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    connections.track(ch);
                    ch.pipeline()
                        .addLast("codec", new HttpServerCodec(4096, 8192, 8192))
                        .addLast("aggregator", new JsonLimitAggregator())
                        .addLast("api", handler);
                }
            })
            .bind(host, port).sync().channel();
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** @return client connections open now (WebSocket subscribers included). */
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
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
    }

    /** Aggregates bodies up to {@link #MAX_BODY_BYTES}; answers larger ones with a JSON 413 and closes. */
    private static final class JsonLimitAggregator extends HttpObjectAggregator
    {
        JsonLimitAggregator()
        {
            super(MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
        {
            final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.copiedBuffer(
                "{\"error\":\"body_too_large\",\"message\":\"The request body exceeds " + MAX_BODY_BYTES
                    + " bytes.\"}", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

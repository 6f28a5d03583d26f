package okno.protocol.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import okno.protocol.transport.TcpListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP/JSON and WebSocket endpoint on one port. Lifecycle: {@link #start} once, {@link #close} any
 * number of times.
 */
public final class HttpApiServer implements AutoCloseable
{
    /** Largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final TcpListener listener;

    public HttpApiServer(final HttpApiHandler handler)
    {
        listener = new TcpListener(2, bootstrap -> { }, pipeline -> pipeline
            .addLast("codec", new HttpServerCodec(4096, 8192, 8192))
            .addLast("aggregator", new JsonLimitAggregator())
            .addLast("api", handler));
    }

    /**
     * Binds and starts serving.
     *
     * @param host address to bind
     * @param port port to bind, 0 for any free one
     * @return the bound port (useful with port 0)
     * @throws IOException          when the address cannot be bound
     * @throws InterruptedException when interrupted while binding
     */
    public int start(final String host, final int port) throws IOException, InterruptedException
    {
        return listener.start(host, port);
    }

    /** @return client connections open now (WebSocket subscribers included). */
    public int openConnections()
    {
        return listener.openConnections();
    }

    @Override
    public void close()
    {
        listener.close();
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

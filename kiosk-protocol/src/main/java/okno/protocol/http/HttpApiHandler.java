package okno.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.Attribute;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import okno.protocol.auth.Principal;
import okno.protocol.auth.TokenAuthenticator;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns each aggregated HTTP request into an {@link ApiRequest}, runs the routed handler and writes its
 * response as JSON. Every failure becomes a JSON error body; nothing escapes to Netty. Shared by all
 * channels (the only per-connection state is a channel attribute that keeps responses in request order).
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());
    /** The connection's responses not yet written, in request order. */
    private static final AttributeKey<InOrderResponses> RESPONSES =
        AttributeKey.valueOf(HttpApiHandler.class, "responses");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");

    private final HttpRouter router;
    private final TokenAuthenticator authenticator;
    private final JsonTreeWriter trees;
    private final WebSocketEndpoint webSockets;

    public HttpApiHandler(final HttpRouter router, final TokenAuthenticator authenticator, final JsonBodies json,
        final WebSocketEndpoint webSockets)
    {
        this.router = router;
        this.authenticator = authenticator;
        this.trees = new JsonTreeWriter(json.mapper());
        this.webSockets = webSockets;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (request.decoderResult().isFailure())
        {
            respond(ctx, CompletableFuture.failedFuture(
                new ApiException(400, "malformed_request", "The HTTP request could not be parsed.")), false);
            return;
        }
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        CompletionStage<ApiResponse> response;
        try
        {
            final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            final Principal principal = authenticator.authenticate(
                request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (webSockets != null && webSockets.accepts(uri.path())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true))
            {
                webSockets.upgrade(ctx, request, principal);
                return;
            }
            final String method = request.method().name();
            // The raw path: the router decodes each segment once, so an escaped '/' stays inside its segment.
            final String path = uri.rawPath();
            final HttpRouter.Match match = router.match(method, path);
            final ApiRequest apiRequest = new ApiRequest(method, path, match.pathParams(),
                uri.parameters(), ByteBufUtil.getBytes(request.content()), principal,
                principal.token() != null ? principal.token() : remoteHost(ctx), ctx.executor());
            response = match.handler().handle(apiRequest);
        }
        catch (final RuntimeException ex)
        {
            response = CompletableFuture.failedFuture(ex);
        }
        respond(ctx, response, keepAlive);
    }

    /**
     * Queues the response behind the connection's earlier ones; it is written on the channel's event loop (never on
     * an engine thread) once it and every earlier one is ready, so pipelined requests are answered in order.
     */
    private void respond(final ChannelHandlerContext ctx, final CompletionStage<ApiResponse> response,
        final boolean keepAlive)
    {
        final Attribute<InOrderResponses> attribute = ctx.channel().attr(RESPONSES);
        InOrderResponses responses = attribute.get();
        if (responses == null)
        {
            responses = new InOrderResponses(ctx);
            attribute.set(responses);
        }
        responses.add(response.toCompletableFuture(), keepAlive);
    }

    private static String remoteHost(final ChannelHandlerContext ctx)
    {
        final SocketAddress address = ctx.channel().remoteAddress();
        return address instanceof InetSocketAddress
            ? ((InetSocketAddress)address).getAddress().getHostAddress() : String.valueOf(address);
    }

    private FullHttpResponse toHttp(final ChannelHandlerContext ctx, final ApiResponse response)
    {
        final HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
        if (response.body() == null)
        {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        }
        final boolean raw = response.contentType() != null;
        final ByteBuf content = ctx.alloc().buffer();
        try
        {
            if (raw)
            {
                ByteBufUtil.writeUtf8(content, response.body().toString());
            }
            else
            {
                trees.write(response.body(), content);
            }
        }
        catch (final RuntimeException ex)
        {
            content.release();
            throw ex;
        }
        final FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, raw ? response.contentType() : APPLICATION_JSON);
        return http;
    }

    /** @return the documented error body for a refusal, or a 500 (logged) for anything unexpected. */
    private static ApiResponse errorResponse(final Throwable failure)
    {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        final ApiException error;
        if (cause instanceof ApiException)
        {
            error = (ApiException)cause;
        }
        else
        {
            LOG.log(System.Logger.Level.ERROR, "request failed", cause);
            error = new ApiException(500, "internal_error", "The server failed to handle the request.");
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("message", error.getMessage());
        return new ApiResponse(error.status(), body, null);
    }

    /**
     * The responses of one connection in request order. Touched on the event loop, except {@link #wake}: a
     * completion on an engine thread schedules one drain for all the responses that became ready together, which
     * then go out with one flush.
     */
    private final class InOrderResponses implements Runnable
    {
        private final ChannelHandlerContext ctx;
        private final ArrayDeque<CompletableFuture<ApiResponse>> pending = new ArrayDeque<>();
        private final ArrayDeque<Boolean> keepAlive = new ArrayDeque<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private boolean closed;

        InOrderResponses(final ChannelHandlerContext ctx)
        {
            this.ctx = ctx;
        }

        void add(final CompletableFuture<ApiResponse> response, final boolean keepOpen)
        {
            pending.add(response);
            keepAlive.add(keepOpen);
            if (response.isDone())
            {
                run();
            }
            else
            {
                response.whenComplete((ignored, failure) -> wake());
            }
        }

        private void wake()
        {
            if (scheduled.compareAndSet(false, true))
            {
                ctx.executor().execute(this);
            }
        }

        /** Writes every response that is ready and has no unready one before it; flushes once. */
        @Override
        public void run()
        {
            scheduled.set(false);
            boolean wrote = false;
            while (!closed && !pending.isEmpty() && pending.peek().isDone())
            {
                final ApiResponse answer = answer(pending.poll());
                final boolean keepOpen = keepAlive.poll();
                FullHttpResponse http;
                try
                {
                    http = toHttp(ctx, answer);
                }
                catch (final RuntimeException ex)
                {
                    http = toHttp(ctx, errorResponse(ex));
                }
                http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes());
                if (keepOpen)
                {
                    http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                    ctx.write(http, ctx.voidPromise());
                    wrote = true;
                }
                else
                {
                    closed = true;
                    ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
                    wrote = false;
                }
            }
            if (wrote)
            {
                ctx.flush();
            }
        }

        private ApiResponse answer(final CompletableFuture<ApiResponse> response)
        {
            try
            {
                return response.join();
            }
            catch (final CompletionException | CancellationException ex)
            {
                return errorResponse(ex);
            }
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.log(System.Logger.Level.DEBUG, "HTTP channel error, closing", cause);
        ctx.close();
    }
}

package okno.protocol.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
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
import io.netty.util.AttributeKey;
import okno.protocol.auth.Principal;
import okno.protocol.auth.TokenAuthenticator;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns each aggregated HTTP request into an {@link ApiRequest}, runs the routed handler and writes its
 * response as JSON. Every failure becomes a JSON error body; nothing escapes to Netty. Shared by all
 * channels (the only per-connection state is a channel attribute that keeps responses in request order).
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());
    /** The write of the connection's latest response; the next response is written after it. */
    private static final AttributeKey<CompletableFuture<Void>> LAST_RESPONSE =
        AttributeKey.valueOf(HttpApiHandler.class, "lastResponse");

    private final HttpRouter router;
    private final TokenAuthenticator authenticator;
    private final JsonBodies json;
    private final WebSocketEndpoint webSockets;

    public HttpApiHandler(final HttpRouter router, final TokenAuthenticator authenticator, final JsonBodies json,
        final WebSocketEndpoint webSockets)
    {
        this.router = router;
        this.authenticator = authenticator;
        this.json = json;
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
     * Writes the response on the channel's event loop (never on an engine thread) once it is ready and once
     * every earlier response of the same connection is written, so pipelined requests are answered in order.
     */
    private void respond(final ChannelHandlerContext ctx, final CompletionStage<ApiResponse> response,
        final boolean keepAlive)
    {
        final Attribute<CompletableFuture<Void>> last = ctx.channel().attr(LAST_RESPONSE);
        final CompletableFuture<Void> previous = last.get() == null ? CompletableFuture.completedFuture(null)
            : last.get();
        final CompletableFuture<ApiResponse> ready = response.toCompletableFuture()
            .handle((ok, failure) -> failure == null ? ok : errorResponse(failure));
        last.set(previous.thenCombineAsync(ready, (ignored, answer) ->
        {
            write(ctx, answer, keepAlive);
            return null;
        }, ctx.executor()));
    }

    private static String remoteHost(final ChannelHandlerContext ctx)
    {
        final SocketAddress address = ctx.channel().remoteAddress();
        return address instanceof InetSocketAddress
            ? ((InetSocketAddress)address).getAddress().getHostAddress() : String.valueOf(address);
    }

    private void write(final ChannelHandlerContext ctx, final ApiResponse response, final boolean keepAlive)
    {
        FullHttpResponse http;
        try
        {
            http = toHttp(response);
        }
        catch (final RuntimeException ex)
        {
            http = toHttp(errorResponse(ex));
        }
        send(ctx, http, keepAlive);
    }

    private FullHttpResponse toHttp(final ApiResponse response)
    {
        final HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
        if (response.body() == null)
        {
            return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        }
        final boolean raw = response.contentType() != null;
        final byte[] bytes = raw ? response.body().toString().getBytes(StandardCharsets.UTF_8)
            : json.write(response.body());
        final FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.wrappedBuffer(bytes));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, raw ? response.contentType() : "application/json");
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

    private static void send(final ChannelHandlerContext ctx, final FullHttpResponse http, final boolean keepAlive)
    {
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes());
        if (keepAlive)
        {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http);
        }
        else
        {
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.log(System.Logger.Level.DEBUG, "HTTP channel error, closing", cause);
        ctx.close();
    }
}

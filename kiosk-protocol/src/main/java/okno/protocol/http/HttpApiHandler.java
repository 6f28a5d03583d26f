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
import okno.protocol.auth.Principal;
import okno.protocol.auth.TokenAuthenticator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns each aggregated HTTP request into an {@link ApiRequest}, runs the routed handler and writes its
 * response as JSON. Every failure becomes a JSON error body; nothing escapes to Netty. Shared by all
 * channels (stateless).
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());

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
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure())
        {
            writeError(ctx, new ApiException(400, "malformed_request", "The HTTP request could not be parsed."),
                false);
            return;
        }
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
            final HttpRouter.Match match = router.match(method, uri.path());
            final ApiRequest apiRequest = new ApiRequest(method, uri.path(), match.pathParams(),
                uri.parameters(), ByteBufUtil.getBytes(request.content()), principal,
                principal.token() != null ? principal.token() : remoteHost(ctx));
            response = match.handler().handle(apiRequest);
        }
        catch (final RuntimeException ex)
        {
            response = CompletableFuture.failedFuture(ex);
        }
        response.whenComplete((ok, failure) ->
        {
            if (failure == null)
            {
                write(ctx, ok, keepAlive);
            }
            else
            {
                writeError(ctx, failure, keepAlive);
            }
        });
    }

    private static String remoteHost(final ChannelHandlerContext ctx)
    {
        final java.net.SocketAddress address = ctx.channel().remoteAddress();
        return address instanceof java.net.InetSocketAddress
            ? ((java.net.InetSocketAddress)address).getAddress().getHostAddress() : String.valueOf(address);
    }

    private void write(final ChannelHandlerContext ctx, final ApiResponse response, final boolean keepAlive)
    {
        final FullHttpResponse http;
        if (response.body() == null)
        {
            http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()));
        }
        else
        {
            final boolean raw = response.contentType() != null;
            final byte[] bytes = raw ? response.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : json.write(response.body());
            http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(bytes));
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, raw ? response.contentType() : "application/json");
        }
        send(ctx, http, keepAlive);
    }

    private void writeError(final ChannelHandlerContext ctx, final Throwable failure, final boolean keepAlive)
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
        final FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(error.status()),
            Unpooled.wrappedBuffer(json.write(Map.of("error", error.code(), "message", error.getMessage()))));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        send(ctx, http, keepAlive);
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

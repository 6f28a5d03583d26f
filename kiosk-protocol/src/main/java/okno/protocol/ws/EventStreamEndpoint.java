package okno.protocol.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import okno.config.NetworkIndex;
import okno.config.Role;
import okno.protocol.auth.Principal;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.WebSocketEndpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /ws/centres/{c}/events} (role display) and {@code GET /ws/network/events} (role operator).
 * Browsers cannot set headers on a WebSocket, so the token may also come as {@code ?access_token=}.
 * The first message is a snapshot ({@code "type":"Snapshot"}), then live events.
 */
public final class EventStreamEndpoint implements WebSocketEndpoint
{
    private static final String CENTRES_PREFIX = "/ws/centres/";
    private static final String CENTRE_SUFFIX = "/events";
    private static final String NETWORK_PATH = "/ws/network/events";

    private final EventStreamHub hub;
    private final StreamSnapshots snapshots;
    private final TokenAuthenticator authenticator;
    private final NetworkIndex index;

    public EventStreamEndpoint(final EventStreamHub hub, final StreamSnapshots snapshots,
        final TokenAuthenticator authenticator, final NetworkIndex index)
    {
        this.hub = hub;
        this.snapshots = snapshots;
        this.authenticator = authenticator;
        this.index = index;
    }

    @Override
    public boolean accepts(final String path)
    {
        return path.startsWith("/ws/");
    }

    @Override
    public void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest request, final Principal principal)
    {
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final Principal caller = principal.role() != null ? principal : tokenFromQuery(uri);
        final String path = uri.path();
        final String centreId;
        final int centre;
        if (path.equals(NETWORK_PATH))
        {
            TokenAuthenticator.require(caller, Role.OPERATOR, null);
            centreId = null;
            centre = -1;
        }
        else if (path.startsWith(CENTRES_PREFIX) && path.endsWith(CENTRE_SUFFIX)
            && path.length() > CENTRES_PREFIX.length() + CENTRE_SUFFIX.length())
        {
            centreId = path.substring(CENTRES_PREFIX.length(), path.length() - CENTRE_SUFFIX.length());
            TokenAuthenticator.require(caller, Role.DISPLAY, centreId);
            centre = index.centre(centreId);
            if (centre < 0)
            {
                throw ApiException.notFound("unknown_centre", "No centre '" + centreId + "'.");
            }
        }
        else
        {
            throw ApiException.notFound("unknown_path", "No event stream at " + path + ".");
        }
        final WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
            "ws://" + request.headers().get("Host") + path, null, false).newHandshaker(request);
        if (handshaker == null)
        {
            throw new ApiException(426, "upgrade_required", "Unsupported WebSocket version.");
        }
        ctx.pipeline().remove(ctx.handler());
        ctx.pipeline().addLast("ws-frames", new ClientFrames(handshaker));
        final EventSubscriber subscriber = new EventSubscriber(ctx.channel());
        handshaker.handshake(ctx.channel(), request).addListener(done ->
        {
            if (!done.isSuccess())
            {
                ctx.close();
                return;
            }
            // Subscribe first, then ask for the snapshot: the snapshot completes on the publisher thread exactly
            // between the events it already contains (dropped from the held-back ones) and the later ones.
            final CompletableFuture<Map<String, Object>> snapshot = new CompletableFuture<>();
            snapshot.whenComplete((state, failure) ->
            {
                if (failure != null)
                {
                    ctx.close();
                    return;
                }
                subscriber.start(hub.toJson(state));
            });
            hub.add(centre, subscriber);
            if (centreId == null)
            {
                snapshots.network(snapshot);
            }
            else
            {
                snapshots.centre(centreId, snapshot);
            }
        });
    }

    private Principal tokenFromQuery(final QueryStringDecoder uri)
    {
        final List<String> tokens = uri.parameters().get("access_token");
        return tokens == null || tokens.isEmpty() ? Principal.ANONYMOUS
            : authenticator.authenticate("Bearer " + tokens.get(0));
    }

    /** Answers pings and closes; subscribers send nothing else that matters. */
    private static final class ClientFrames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private final WebSocketServerHandshaker handshaker;

        ClientFrames(final WebSocketServerHandshaker handshaker)
        {
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (frame instanceof CloseWebSocketFrame)
            {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame)frame.retain());
            }
            else if (frame instanceof PingWebSocketFrame)
            {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}

package okno.protocol.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import okno.protocol.auth.Principal;

/** Takes over HTTP requests that upgrade to a WebSocket on the paths it accepts. */
public interface WebSocketEndpoint
{
    /** @return whether the path belongs to this endpoint. */
    boolean accepts(String path);

    /**
     * Authorises the caller and completes the handshake on the channel, or throws {@link ApiException}.
     * Called on the channel's event loop; the request is released by the caller afterwards.
     */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, Principal principal);
}

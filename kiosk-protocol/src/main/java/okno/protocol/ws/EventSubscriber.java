package okno.protocol.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * One WebSocket subscriber. Live events that arrive before its snapshot are skipped: the snapshot comes on the
 * publisher thread in command order, after exactly those events, so it already contains them. The stream is
 * therefore the snapshot and then every later event exactly once. A subscriber whose socket stops draining
 * (over the write high-water mark) is disconnected rather than buffered without bound. Used only on the
 * engine's publisher thread.
 */
final class EventSubscriber
{
    private final Channel channel;
    private boolean live;

    EventSubscriber(final Channel channel)
    {
        this.channel = channel;
    }

    Channel channel()
    {
        return channel;
    }

    /** Sends the snapshot and goes live. */
    void start(final String snapshotJson)
    {
        live = true;
        channel.writeAndFlush(new TextWebSocketFrame(snapshotJson));
    }

    /** Sends one event, unless the snapshot has not been sent yet (it will contain the event). */
    void send(final String eventJson)
    {
        if (!live)
        {
            return;
        }
        if (!channel.isWritable())
        {
            live = false;
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION,
                "subscriber too slow")).addListener(f -> channel.close());
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(eventJson));
    }
}

package okno.protocol.ws;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * One WebSocket subscriber. Live events that arrive before its snapshot has been sent are held back and sent
 * after it, so the stream is snapshot-then-events. A subscriber whose socket stops draining (over the write
 * high-water mark) is disconnected rather than buffered without bound.
 */
final class EventSubscriber
{
    private final Channel channel;
    private List<String> pending = new ArrayList<>();

    EventSubscriber(final Channel channel)
    {
        this.channel = channel;
    }

    Channel channel()
    {
        return channel;
    }

    /** Sends the snapshot, then the events held back meanwhile. */
    synchronized void start(final String snapshotJson)
    {
        channel.write(new TextWebSocketFrame(snapshotJson));
        for (final String event : pending)
        {
            channel.write(new TextWebSocketFrame(event));
        }
        pending = null;
        channel.flush();
    }

    /** Sends or holds back one event; called on the engine's publisher thread. */
    synchronized void send(final String eventJson)
    {
        if (pending != null)
        {
            pending.add(eventJson);
            return;
        }
        if (!channel.isWritable())
        {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION,
                "subscriber too slow")).addListener(f -> channel.close());
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(eventJson));
    }
}

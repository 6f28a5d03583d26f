package okno.protocol.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.EventType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans engine events out to WebSocket subscribers of each centre and of the whole network. Each event is
 * serialised once. Listens on the engine's publisher thread; subscribers come and go on Netty threads.
 */
public final class EventStreamHub implements EventListener
{
    private final EventJson eventJson;
    private final ObjectMapper mapper;
    private final List<List<EventSubscriber>> byCentre;
    private final List<EventSubscriber> network = new CopyOnWriteArrayList<>();

    public EventStreamHub(final EventJson eventJson, final ObjectMapper mapper, final int centreCount)
    {
        this.eventJson = eventJson;
        this.mapper = mapper;
        final List<List<EventSubscriber>> lists = new java.util.ArrayList<>(centreCount);
        for (int i = 0; i < centreCount; i++)
        {
            lists.add(new CopyOnWriteArrayList<>());
        }
        this.byCentre = List.copyOf(lists);
    }

    @Override
    public void onEvent(final EngineEvent event)
    {
        if (event.type == EventType.REJECTED)
        {
            return;
        }
        final List<EventSubscriber> centreSubscribers = subscribersOf(event.centre);
        if (centreSubscribers.isEmpty() && network.isEmpty())
        {
            return;
        }
        send(centreSubscribers, toJson(eventJson.toMap(event)));
    }

    /**
     * Sends an event that does not come from the engine (e.g. {@code DeviceStatus}) to the subscribers of one
     * centre and of the whole network. Any thread.
     *
     * @param centre centre index, or -1 for the network stream only
     * @param event  ordered fields, {@code type} first
     */
    public void publish(final int centre, final Map<String, Object> event)
    {
        final List<EventSubscriber> centreSubscribers = subscribersOf(centre);
        if (!centreSubscribers.isEmpty() || !network.isEmpty())
        {
            send(centreSubscribers, toJson(event));
        }
    }

    private List<EventSubscriber> subscribersOf(final int centre)
    {
        return centre >= 0 ? byCentre.get(centre) : List.of();
    }

    private void send(final List<EventSubscriber> centreSubscribers, final String json)
    {
        for (final EventSubscriber subscriber : centreSubscribers)
        {
            subscriber.send(json);
        }
        for (final EventSubscriber subscriber : network)
        {
            subscriber.send(json);
        }
    }

    /** Registers a subscriber to one centre (index) or, with -1, to the whole network. */
    void add(final int centre, final EventSubscriber subscriber)
    {
        (centre < 0 ? network : byCentre.get(centre)).add(subscriber);
        subscriber.channel().closeFuture().addListener(f -> (centre < 0 ? network : byCentre.get(centre))
            .remove(subscriber));
    }

    /** @return number of open subscriptions, for metrics. */
    public int subscriberCount()
    {
        int count = network.size();
        for (final List<EventSubscriber> list : byCentre)
        {
            count += list.size();
        }
        return count;
    }

    String toJson(final Map<String, Object> map)
    {
        try
        {
            return mapper.writeValueAsString(map);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot serialise event", ex);
        }
    }
}

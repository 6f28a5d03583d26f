package okno.protocol.api;

import okno.config.NetworkIndex;
import okno.engine.balancer.RedirectAdvisor;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;
import okno.protocol.http.RateLimiter;
import okno.protocol.ws.StreamSnapshots;

/**
 * The HTTP/JSON API of DESIGN.md as one router: kiosk, terminal, display and operator resources over an
 * {@link EngineGateway}.
 */
public final class HttpApi
{
    private HttpApi()
    {
    }

    /**
     * @param kioskLimit  limit per kiosk token for taking tickets
     * @param publicLimit limit per client for the open appointment endpoints
     * @return a router with every API route
     */
    public static HttpRouter router(final EngineGateway gateway, final NetworkIndex index, final JsonBodies json,
        final RateLimiter kioskLimit, final RateLimiter publicLimit)
    {
        final EngineCalls engine = new EngineCalls(gateway);
        final IdResolver ids = new IdResolver(index);
        final ApiViews views = new ApiViews(index);
        final Alternatives alternatives = new Alternatives(RedirectAdvisor.withDefaults(index.config()), index);
        final HttpRouter router = new HttpRouter();
        new TicketResource(engine, ids, views, json, kioskLimit, alternatives).register(router);
        new AppointmentResource(engine, ids, views, json, publicLimit).register(router);
        new WindowResource(engine, ids, views, json).register(router);
        new CentreResource(engine, ids, views).register(router);
        new NetworkResource(engine, ids, views, json).register(router);
        new BalancerResource(engine, ids, json).register(router);
        new LoadScheduleResource(engine, ids).register(router);
        return router;
    }

    /** @return the first messages of the WebSocket streams, built from the same views as the API. */
    public static StreamSnapshots streamSnapshots(final EngineGateway gateway, final NetworkIndex index)
    {
        return new StreamSnapshotQueries(new EngineCalls(gateway), new IdResolver(index), new ApiViews(index));
    }
}

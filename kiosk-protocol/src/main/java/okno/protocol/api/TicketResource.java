package okno.protocol.api;

import okno.config.PriorityClass;
import okno.config.Role;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.TicketView;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;
import okno.protocol.http.RateLimiter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Kiosk side: take a ticket, read a ticket's status, cancel a ticket. */
final class TicketResource
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;
    private final JsonBodies json;
    private final RateLimiter kioskLimit;
    private final Alternatives alternatives;

    TicketResource(final EngineCalls engine, final IdResolver ids, final ApiViews views, final JsonBodies json,
        final RateLimiter kioskLimit, final Alternatives alternatives)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
        this.json = json;
        this.kioskLimit = kioskLimit;
        this.alternatives = alternatives;
    }

    void register(final HttpRouter router)
    {
        router.add("POST", "/api/centres/{c}/tickets", this::take)
            .add("GET", "/api/centres/{c}/tickets/{number}", this::status)
            .add("GET", "/api/centres/{c}/tickets/{number}/public", this::publicStatus)
            .add("DELETE", "/api/centres/{c}/tickets/{number}", this::cancel);
    }

    private CompletionStage<ApiResponse> take(final ApiRequest request)
    {
        final String centreId = request.param("c");
        TokenAuthenticator.require(request.principal(), Role.KIOSK, centreId);
        final int centre = ids.centre(centreId);
        if (!kioskLimit.tryAcquire(request.client(), System.nanoTime()))
        {
            throw new ApiException(429, "rate_limited", "Too many tickets from this kiosk; try again shortly.");
        }
        final Bodies.TakeTicket body = json.read(request.body(), Bodies.TakeTicket.class);
        final List<String> serviceIds = body.services();
        if (serviceIds == null || serviceIds.isEmpty())
        {
            throw ApiException.badRequest("missing_field", "Field 'services' must list at least one service.");
        }
        if (serviceIds.size() > Command.MAX_SERVICES)
        {
            throw ApiException.badRequest("too_many_services", "A visit holds at most " + Command.MAX_SERVICES
                + " services.");
        }
        if (new HashSet<>(serviceIds).size() != serviceIds.size())
        {
            throw ApiException.badRequest("duplicate_service", "Field 'services' lists a service twice.");
        }
        final int[] services = new int[serviceIds.size()];
        for (int i = 0; i < services.length; i++)
        {
            services[i] = ids.service(serviceIds.get(i));
        }
        final PriorityClass priority = IdResolver.priority(body.priority());
        final long requestKey = RequestKeys.of(body.requestId());
        final int kiosk = ids.kiosk(request.principal());
        return engine.executeOk(c ->
        {
            c.type = CommandType.ISSUE_TICKET;
            c.centre = centre;
            c.kiosk = kiosk;
            c.priority = priority.code();
            c.requestKey = requestKey;
            for (final int service : services)
            {
                c.addService(service);
            }
        }).thenComposeAsync(outcome -> engine.query(view ->
        {
            final TicketView issued = view.ticket(centre, outcome.ticket());
            final Map<String, Object> ticket = views.ticket(issued);
            ticket.put("alternatives", alternatives.forTicket(view, issued));
            return outcome.duplicate() ? ApiResponse.ok(ticket) : ApiResponse.created(ticket);
        }), request.executor());
    }

    private CompletionStage<ApiResponse> status(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.DISPLAY, request.param("c"));
        return readTicket(request, views::ticket);
    }

    /** Open: what the QR code on a slip opens on the visitor's phone; only what the hall display shows anyway. */
    private CompletionStage<ApiResponse> publicStatus(final ApiRequest request)
    {
        return readTicket(request, views::publicTicket);
    }

    private CompletionStage<ApiResponse> readTicket(final ApiRequest request,
        final Function<TicketView, Map<String, Object>> view)
    {
        final String centreId = request.param("c");
        final int centre = ids.centre(centreId);
        final int number = IdResolver.ticketNumber(request.param("number"));
        return engine.query(state ->
        {
            final TicketView ticket = state.ticket(centre, number);
            if (ticket == null)
            {
                throw ApiException.notFound("unknown_ticket", "No ticket " + request.param("number")
                    + " today at centre '" + centreId + "'.");
            }
            return ApiResponse.ok(view.apply(ticket));
        });
    }

    private CompletionStage<ApiResponse> cancel(final ApiRequest request)
    {
        final String centreId = request.param("c");
        TokenAuthenticator.require(request.principal(), Role.KIOSK, centreId);
        final int centre = ids.centre(centreId);
        final int number = IdResolver.ticketNumber(request.param("number"));
        final CompletableFuture<CommandOutcome> done = engine.executeOk(c ->
        {
            c.type = CommandType.CANCEL_TICKET;
            c.centre = centre;
            c.ticketNumber = number;
        });
        return done.thenApply(outcome -> ApiResponse.noContent());
    }
}

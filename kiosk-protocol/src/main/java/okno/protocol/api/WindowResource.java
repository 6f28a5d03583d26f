package okno.protocol.api;

import okno.config.Role;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import okno.engine.api.TicketView;
import okno.engine.api.WindowView;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Window terminal side: open, close, break, call, recall, start, complete, no-show, postpone, transfer, rate. */
final class WindowResource
{
    private static final String WINDOW = "/api/centres/{c}/windows/{w}";

    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;
    private final JsonBodies json;

    WindowResource(final EngineCalls engine, final IdResolver ids, final ApiViews views, final JsonBodies json)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
        this.json = json;
    }

    void register(final HttpRouter router)
    {
        router.add("GET", WINDOW, this::status)
            .add("POST", WINDOW + "/open", this::open)
            .add("POST", WINDOW + "/close", request -> act(request, CommandType.CLOSE_WINDOW, c -> { }))
            .add("POST", WINDOW + "/break", request -> act(request, CommandType.BREAK_WINDOW, c -> { }))
            .add("POST", WINDOW + "/call-next", this::callNext)
            .add("POST", WINDOW + "/call/{number}", this::callTicket)
            .add("POST", WINDOW + "/recall", request -> act(request, CommandType.RECALL, c -> { }))
            .add("POST", WINDOW + "/start", request -> act(request, CommandType.START_SERVICE, c -> { }))
            .add("POST", WINDOW + "/complete", request -> act(request, CommandType.COMPLETE_SERVICE, c -> { }))
            .add("POST", WINDOW + "/no-show", request -> act(request, CommandType.NO_SHOW, c -> { }))
            .add("POST", WINDOW + "/postpone", request -> act(request, CommandType.POSTPONE, c -> { }))
            .add("POST", WINDOW + "/transfer", this::transfer)
            .add("POST", WINDOW + "/rating", this::rate);
    }

    /** Centre and window indexes of a request, after the role check. */
    private record Target(int centre, int window)
    {
    }

    private Target target(final ApiRequest request, final Role role)
    {
        final String centreId = request.param("c");
        TokenAuthenticator.require(request.principal(), role, centreId);
        final int centre = ids.centre(centreId);
        final int window = ids.window(centre, request.param("w"));
        return new Target(centre, window);
    }

    private CompletionStage<ApiResponse> status(final ApiRequest request)
    {
        return answer(target(request, Role.DISPLAY));
    }

    private CompletionStage<ApiResponse> open(final ApiRequest request)
    {
        final Target t = target(request, Role.TERMINAL);
        final int staff = ids.staff(json.read(request.body(), Bodies.OpenWindow.class).staffId());
        return act(request, t, CommandType.OPEN_WINDOW, c -> c.staff = staff);
    }

    private CompletionStage<ApiResponse> callNext(final ApiRequest request)
    {
        final Target t = target(request, Role.TERMINAL);
        return engine.execute(c -> fill(c, CommandType.CALL_NEXT, t)).thenComposeAsync(outcome ->
        {
            if (outcome.result() == Result.NOTHING_TO_CALL)
            {
                return CompletableFuture.completedFuture(ApiResponse.noContent());
            }
            EngineResults.check(outcome.result());
            return answer(t);
        }, request.executor());
    }

    private CompletionStage<ApiResponse> callTicket(final ApiRequest request)
    {
        final Target t = target(request, Role.TERMINAL);
        final int number = IdResolver.ticketNumber(request.param("number"));
        return act(request, t, CommandType.CALL_TICKET, c -> c.ticketNumber = number);
    }

    private CompletionStage<ApiResponse> transfer(final ApiRequest request)
    {
        final Target t = target(request, Role.TERMINAL);
        final Bodies.Transfer body = json.read(request.body(), Bodies.Transfer.class);
        if ((body.service() == null) == (body.window() == null))
        {
            throw ApiException.badRequest("bad_transfer", "Give exactly one of 'service' or 'window'.");
        }
        final int service = body.service() == null ? -1 : ids.service(body.service());
        final int window = body.window() == null ? -1 : ids.window(t.centre, body.window());
        return act(request, t, CommandType.TRANSFER, c ->
        {
            c.targetService = service;
            c.targetWindow = window;
        });
    }

    private CompletionStage<ApiResponse> rate(final ApiRequest request)
    {
        final Target t = target(request, Role.TERMINAL);
        final Integer score = json.read(request.body(), Bodies.Rating.class).score();
        if (score == null || score < 1 || score > 5)
        {
            throw ApiException.badRequest("bad_score", "Field 'score' must be a whole number from 1 to 5.");
        }
        return act(request, t, CommandType.RATE, c -> c.score = score);
    }

    private CompletionStage<ApiResponse> act(final ApiRequest request, final CommandType type,
        final Consumer<Command> extra)
    {
        return act(request, target(request, Role.TERMINAL), type, extra);
    }

    private CompletionStage<ApiResponse> act(final ApiRequest request, final Target t, final CommandType type,
        final Consumer<Command> extra)
    {
        return engine.executeOk(c ->
        {
            fill(c, type, t);
            extra.accept(c);
        }).thenComposeAsync(outcome -> answer(t), request.executor());
    }

    private static void fill(final Command c, final CommandType type, final Target t)
    {
        c.type = type;
        c.centre = t.centre;
        c.window = t.window;
    }

    /** The window and its current (or last) ticket after the command. */
    private CompletionStage<ApiResponse> answer(final Target t)
    {
        return engine.query(view ->
        {
            final WindowView window = view.window(t.centre, t.window);
            final int number = window.currentTicket() >= 0 ? window.currentTicket() : window.lastTicket();
            return ApiResponse.ok(windowWithTicket(window, number < 0 ? null : view.ticket(t.centre, number)));
        });
    }

    private Map<String, Object> windowWithTicket(final WindowView window, final TicketView ticket)
    {
        final Map<String, Object> m = new LinkedHashMap<>(views.window(window));
        m.put("ticket", ticket == null ? null : views.ticket(ticket));
        return m;
    }
}

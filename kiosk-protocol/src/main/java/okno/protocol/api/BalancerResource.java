package okno.protocol.api;

import okno.config.Role;
import okno.engine.api.CommandType;
import okno.engine.balancer.BalancerMode;
import okno.engine.balancer.ProposalView;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Operator side of the balancer: open proposals, accepting one, manual or auto mode. */
final class BalancerResource
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final JsonBodies json;

    BalancerResource(final EngineCalls engine, final IdResolver ids, final JsonBodies json)
    {
        this.engine = engine;
        this.ids = ids;
        this.json = json;
    }

    void register(final HttpRouter router)
    {
        router.add("GET", "/api/network/balancer/proposals", this::proposals)
            .add("POST", "/api/network/balancer/proposals/{id}/accept", this::accept)
            .add("POST", "/api/network/balancer/mode", this::mode);
    }

    private CompletionStage<ApiResponse> proposals(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        return engine.query(view ->
        {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final ProposalView p : view.proposals())
            {
                list.add(proposal(p));
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", view.balancerMode().publicName());
            m.put("proposals", list);
            return ApiResponse.ok(m);
        });
    }

    private Map<String, Object> proposal(final ProposalView p)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("staff", ids.index().staffAt(p.staff()).id());
        m.put("from", ids.index().centreAt(p.from()).id());
        m.put("to", ids.index().centreAt(p.to()).id());
        // the service line over the high mark the move is for; null when the centre as a whole is overloaded
        m.put("line", p.line() < 0 ? null : ids.index().serviceAt(p.line()).id());
        m.put("travelMinutes", ApiViews.minutes(p.travelMs() / 1000));
        m.put("savedVisitorMinutes", Math.round((p.scoreMs() + p.travelMs()) / 6000.0) / 10.0);
        m.put("scoreMinutes", Math.round(p.scoreMs() / 6000.0) / 10.0);
        return m;
    }

    private CompletionStage<ApiResponse> accept(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        final int id = proposalId(request.param("id"));
        return engine.executeOk(c ->
        {
            c.type = CommandType.ACCEPT_PROPOSAL;
            c.flag = id;
        }).thenApply(outcome -> ApiResponse.ok(Map.of("accepted", id)));
    }

    private CompletionStage<ApiResponse> mode(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        final String name = json.read(request.body(), Bodies.BalancerModeChange.class).mode();
        final BalancerMode mode = name == null ? null : BalancerMode.fromName(name);
        if (mode == null)
        {
            throw ApiException.badRequest("bad_mode", "Field 'mode' must be \"manual\" or \"auto\".");
        }
        return engine.executeOk(c ->
        {
            c.type = CommandType.SET_BALANCER_MODE;
            c.flag = mode.code();
        }).thenApply(outcome -> ApiResponse.ok(Map.of("mode", mode.publicName())));
    }

    private static int proposalId(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException e)
        {
            throw ApiException.notFound("unknown_proposal", "No open balancer proposal '" + text + "'.");
        }
    }
}

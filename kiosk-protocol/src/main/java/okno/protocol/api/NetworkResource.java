package okno.protocol.api;

import okno.config.Role;
import okno.engine.api.CentreSummary;
import okno.engine.api.CommandType;
import okno.engine.kpi.CentreKpi;
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

/** Operator side: network load, staff positions and moves, KPIs; and the open health check. */
final class NetworkResource
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;
    private final JsonBodies json;

    NetworkResource(final EngineCalls engine, final IdResolver ids, final ApiViews views, final JsonBodies json)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
        this.json = json;
    }

    void register(final HttpRouter router)
    {
        router.add("GET", "/api/health", this::health)
            .add("GET", "/api/network/load", this::load)
            .add("GET", "/api/network/staff", this::staff)
            .add("POST", "/api/network/staff/{s}/assign", this::assign)
            .add("GET", "/api/network/kpi", this::kpi);
    }

    private CompletionStage<ApiResponse> health(final ApiRequest request)
    {
        return engine.query(view ->
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "UP");
            m.put("network", ids.index().config().name());
            m.put("centres", view.centreCount());
            m.put("engineTime", ApiViews.time(view.nowMs()));
            return ApiResponse.ok(m);
        });
    }

    private CompletionStage<ApiResponse> load(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        return engine.query(view ->
        {
            final List<Map<String, Object>> centres = new ArrayList<>();
            for (int c = 0; c < view.centreCount(); c++)
            {
                final CentreSummary s = view.centreSummary(c);
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("centre", ids.index().centreAt(c).id());
                m.put("waiting", s.waiting());
                m.put("openWindows", s.openWindows());
                m.put("windows", ids.index().centreAt(c).windows().size());
                m.put("predictedWaitMinutes", ApiViews.minutes(ApiViews.predictedWaitSeconds(s)));
                m.put("maxWaitMinutes", ApiViews.minutes(s.maxWaitMs() / 1000));
                ApiViews.putTrend(m, s);
                centres.add(m);
            }
            return ApiResponse.ok(Map.of("centres", centres));
        });
    }

    private CompletionStage<ApiResponse> staff(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        return engine.query(view ->
        {
            final List<Map<String, Object>> staff = new ArrayList<>();
            for (int s = 0; s < view.staffCount(); s++)
            {
                staff.add(views.staff(view.staff(s)));
            }
            return ApiResponse.ok(Map.of("staff", staff));
        });
    }

    private CompletionStage<ApiResponse> assign(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        final int staff = ids.staff(request.param("s"));
        final String centreId = json.read(request.body(), Bodies.Assignment.class).centre();
        if (centreId == null)
        {
            throw ApiException.badRequest("missing_field", "Field 'centre' is required.");
        }
        final int centre = ids.centre(centreId);
        return engine.executeOk(c ->
        {
            c.type = CommandType.ASSIGN_STAFF;
            c.staff = staff;
            c.targetCentre = centre;
        }).thenComposeAsync(outcome -> engine.query(view -> ApiResponse.ok(views.staff(view.staff(staff)))),
            request.executor());
    }

    private CompletionStage<ApiResponse> kpi(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        return engine.query(view ->
        {
            final List<CentreKpi> parts = new ArrayList<>(view.centreCount());
            final List<Map<String, Object>> centres = new ArrayList<>();
            long served = 0;
            for (int c = 0; c < view.centreCount(); c++)
            {
                final CentreKpi k = view.kpi(c);
                final int done = view.counters(c).done();
                parts.add(k);
                centres.add(kpi(ids.index().centreAt(c).id(), k, done));
                served += done;
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", kpi(ids.index().config().name(), CentreKpi.merge(parts), served));
            m.put("centres", centres);
            return ApiResponse.ok(m);
        });
    }

    /** Today's figures of a centre or the network; waits and service times in minutes with one decimal. */
    private static Map<String, Object> kpi(final String id, final CentreKpi k, final long served)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("visitors", k.visitors());
        m.put("served", served);
        m.put("called", k.waited());
        m.put("meanWaitMinutes", tenths(k.meanWaitMs()));
        m.put("p50WaitMinutes", tenths(k.waitQuantileMs(0.50)));
        m.put("p95WaitMinutes", tenths(k.waitQuantileMs(0.95)));
        m.put("p99WaitMinutes", tenths(k.waitQuantileMs(0.99)));
        m.put("maxWaitMinutes", tenths(k.maxWaitMs()));
        m.put("coffee", k.overPromise());
        m.put("coffeeShare", k.overPromiseShare());
        m.put("servicesCompleted", k.services());
        m.put("meanServiceMinutes", tenths(k.meanServiceMs()));
        m.put("staffedWindowHours", Math.round(k.staffedMs() / 360_000.0) / 10.0);
        m.put("utilisation", Math.round(k.utilisation() * 1000) / 1000.0);
        m.put("ratingMean", k.ratings() == 0 ? null : Math.round(k.meanRating() * 100) / 100.0);
        m.put("ratings", k.ratings());
        m.put("staffMovesIn", k.movesIn());
        m.put("staffMovesOut", k.movesOut());
        return m;
    }

    private static double tenths(final double ms)
    {
        return Math.round(ms / 6000.0) / 10.0;
    }
}

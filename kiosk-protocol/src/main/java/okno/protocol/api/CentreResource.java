package okno.protocol.api;

import okno.config.Role;
import okno.engine.api.CentreSummary;
import okno.engine.api.QueueEntry;
import okno.engine.api.ServiceLine;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Read side of centres for displays and kiosks: list, detail, services, queue. */
final class CentreResource
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;

    CentreResource(final EngineCalls engine, final IdResolver ids, final ApiViews views)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
    }

    void register(final HttpRouter router)
    {
        router.add("GET", "/api/centres", this::list)
            .add("GET", "/api/centres/{c}", this::detail)
            .add("GET", "/api/centres/{c}/services", this::services)
            .add("GET", "/api/centres/{c}/queue", this::queue);
    }

    private CompletionStage<ApiResponse> list(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.DISPLAY, null);
        return engine.query(view ->
        {
            final List<Map<String, Object>> centres = new ArrayList<>();
            for (int c = 0; c < view.centreCount(); c++)
            {
                centres.add(views.centre(view.centreSummary(c)));
            }
            return ApiResponse.ok(Map.of("centres", centres));
        });
    }

    private int readableCentre(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.DISPLAY, request.param("c"));
        return ids.centre(request.param("c"));
    }

    private CompletionStage<ApiResponse> detail(final ApiRequest request)
    {
        final int centre = readableCentre(request);
        return engine.query(view ->
        {
            final CentreSummary summary = view.centreSummary(centre);
            final Map<String, Object> m = views.centre(summary);
            final List<Map<String, Object>> windows = new ArrayList<>();
            for (int w = 0; w < view.windowCount(centre); w++)
            {
                windows.add(views.window(view.window(centre, w)));
            }
            m.put("windows", windows);
            m.put("services", views.services(summary));
            return ApiResponse.ok(m);
        });
    }

    private CompletionStage<ApiResponse> services(final ApiRequest request)
    {
        final int centre = ids.centre(request.param("c"));
        // a kiosk offers its own centre's services, so its token may list them; other reads stay with display
        final Role role = request.principal().role() == Role.KIOSK ? Role.KIOSK : Role.DISPLAY;
        TokenAuthenticator.require(request.principal(), role, request.param("c"));
        return engine.query(view -> ApiResponse.ok(Map.of("services", views.services(view.centreSummary(centre)))));
    }

    private CompletionStage<ApiResponse> queue(final ApiRequest request)
    {
        final int centre = readableCentre(request);
        return engine.query(view ->
        {
            final List<Map<String, Object>> lines = new ArrayList<>();
            for (final ServiceLine line : view.centreSummary(centre).services())
            {
                final List<Map<String, Object>> tickets = new ArrayList<>();
                for (final QueueEntry entry : view.queue(centre, line.service()))
                {
                    tickets.add(views.queueEntry(centre, entry));
                }
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("service", ids.index().serviceAt(line.service()).id());
                m.put("waiting", tickets.size());
                m.put("predictedWaitMinutes", ApiViews.etaMinutes(line.predictedWaitSeconds()));
                m.put("tickets", tickets);
                lines.add(m);
            }
            return ApiResponse.ok(Map.of("centre", request.param("c"), "lines", lines));
        });
    }
}

package okno.protocol.api;

import okno.engine.api.CentreSummary;
import okno.engine.api.ServiceLine;
import okno.engine.api.WindowView;
import okno.protocol.ws.StreamSnapshots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** First message of the WebSocket streams: current calls and queue sizes, in the API's JSON shapes. */
final class StreamSnapshotQueries implements StreamSnapshots
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;

    StreamSnapshotQueries(final EngineCalls engine, final IdResolver ids, final ApiViews views)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
    }

    @Override
    public void centre(final String centreId, final CompletableFuture<Map<String, Object>> snapshot)
    {
        final int centre = ids.centre(centreId);
        engine.query(view ->
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Snapshot");
            m.put("centre", centreId);
            final List<Map<String, Object>> windows = new ArrayList<>();
            for (int w = 0; w < view.windowCount(centre); w++)
            {
                final WindowView window = view.window(centre, w);
                windows.add(views.window(window));
            }
            m.put("windows", windows);
            final CentreSummary summary = view.centreSummary(centre);
            m.put("waiting", summary.waiting());
            final List<Map<String, Object>> lines = new ArrayList<>();
            for (final ServiceLine line : summary.services())
            {
                final Map<String, Object> l = new LinkedHashMap<>();
                l.put("service", ids.index().serviceAt(line.service()).id());
                l.put("waiting", line.waiting());
                l.put("predictedWaitMinutes", ApiViews.etaMinutes(line.predictedWaitSeconds()));
                lines.add(l);
            }
            m.put("lines", lines);
            return m;
        }, snapshot);
    }

    @Override
    public void network(final CompletableFuture<Map<String, Object>> snapshot)
    {
        engine.query(view ->
        {
            final List<Map<String, Object>> centres = new ArrayList<>();
            for (int c = 0; c < view.centreCount(); c++)
            {
                centres.add(views.centre(view.centreSummary(c)));
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Snapshot");
            m.put("centres", centres);
            return m;
        }, snapshot);
    }
}

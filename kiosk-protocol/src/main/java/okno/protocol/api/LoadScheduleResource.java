package okno.protocol.api;

import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The public workload schedule of a centre: mean arrivals by weekday and hour, learnt from history. Open. */
final class LoadScheduleResource
{
    private final EngineCalls engine;
    private final IdResolver ids;

    LoadScheduleResource(final EngineCalls engine, final IdResolver ids)
    {
        this.engine = engine;
        this.ids = ids;
    }

    void register(final HttpRouter router)
    {
        router.add("GET", "/api/centres/{c}/load-schedule", this::schedule);
    }

    private CompletionStage<ApiResponse> schedule(final ApiRequest request)
    {
        final String centreId = request.param("c");
        final int centre = ids.centre(centreId);
        return engine.query(view ->
        {
            final double[][] means = view.loadSchedule(centre);
            final List<Map<String, Object>> days = new ArrayList<>();
            for (final DayOfWeek day : DayOfWeek.values())
            {
                final List<Double> hours = new ArrayList<>(means[0].length);
                for (final double mean : means[day.getValue() - 1])
                {
                    hours.add(Math.round(mean * 10) / 10.0);
                }
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("weekday", day.name().toLowerCase(Locale.ROOT));
                m.put("daysLearnt", view.loadScheduleDays(day.getValue()));
                m.put("meanArrivalsByHour", hours);
                days.add(m);
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("centre", centreId);
            m.put("days", days);
            return ApiResponse.ok(m);
        });
    }
}

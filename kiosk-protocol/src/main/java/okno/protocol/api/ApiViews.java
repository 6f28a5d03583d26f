package okno.protocol.api;

import okno.config.CentreDef;
import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.config.ServiceDef;
import okno.engine.api.CentreSummary;
import okno.engine.api.QueueEntry;
import okno.engine.api.ServiceLine;
import okno.engine.api.StaffView;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketView;
import okno.engine.api.WindowView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public JSON shapes of engine views: ids instead of indexes, ISO times, minutes for waits. */
final class ApiViews
{
    /** A line changing by at most this many waiting visitors an hour (one per quarter of an hour) is steady. */
    static final double STEADY_PER_HOUR = 4.0;

    private final NetworkIndex index;

    ApiViews(final NetworkIndex index)
    {
        this.index = index;
    }

    static int minutes(final long seconds)
    {
        return seconds < 0 ? -1 : (int)((seconds + 59) / 60);
    }

    /** @return a predicted wait in whole minutes, {@code null} when unknown (no open window serves it) */
    static Integer etaMinutes(final int seconds)
    {
        return seconds < 0 ? null : minutes(seconds);
    }

    static String lower(final Enum<?> value)
    {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String time(final long epochMs)
    {
        return epochMs <= 0 || epochMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(epochMs).toString();
    }

    Map<String, Object> ticket(final TicketView t)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        final String centre = index.centreAt(t.centre()).id();
        final LocalDate day = Instant.ofEpochMilli(t.issuedMs()).atOffset(index.config().utcOffset()).toLocalDate();
        m.put("id", centre + "-" + day + "-" + t.label());
        m.putAll(publicTicket(t));
        final List<String> services = new ArrayList<>();
        for (final int service : t.services())
        {
            services.add(index.serviceAt(service).id());
        }
        m.put("services", services);
        m.put("currentService", index.serviceAt(t.currentService()).id());
        m.put("priority", PriorityClass.fromCode(t.priority()).wireName());
        m.put("callCount", t.callCount());
        m.put("rating", t.rating() <= 0 ? null : t.rating());
        return m;
    }

    /** The ticket as anyone holding its slip may see it: no services, priority or rating. */
    Map<String, Object> publicTicket(final TicketView t)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.label());
        m.put("centre", index.centreAt(t.centre()).id());
        m.put("centreName", index.centreAt(t.centre()).name());
        m.put("state", t.state().name());
        m.put("position", t.position() < 0 ? null : t.position());
        m.put("etaMinutes", etaMinutes(t.etaSeconds()));
        m.put("issuedAt", time(t.issuedMs()));
        m.put("window", t.window() < 0 ? null : index.windowAt(t.centre(), t.window()).id());
        return m;
    }

    Map<String, Object> window(final WindowView w)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("centre", index.centreAt(w.centre()).id());
        m.put("window", index.windowAt(w.centre(), w.window()).id());
        m.put("state", w.mode().name());
        m.put("staff", w.staff() < 0 ? null : index.staffAt(w.staff()).id());
        m.put("currentTicket", w.currentTicket() < 0 ? null : TicketNumber.format(w.currentTicket()));
        m.put("currentState", w.currentState() == null ? null : w.currentState().name());
        m.put("currentSince", time(w.currentSinceMs()));
        m.put("lastTicket", w.lastTicket() < 0 ? null : TicketNumber.format(w.lastTicket()));
        m.put("lastRating", w.lastRating() <= 0 ? null : w.lastRating());
        // the desk's services in their configured order, then those its staff member brings
        final List<String> services = new ArrayList<>(index.windowAt(w.centre(), w.window()).skills().keySet());
        for (final int service : w.services())
        {
            final String id = index.serviceAt(service).id();
            if (!services.contains(id))
            {
                services.add(id);
            }
        }
        m.put("services", services);
        return m;
    }

    Map<String, Object> centre(final CentreSummary s)
    {
        final CentreDef def = index.centreAt(s.centre());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", def.id());
        m.put("index", s.centre());
        m.put("name", def.name());
        m.put("district", def.district());
        m.put("lat", def.latitude());
        m.put("lon", def.longitude());
        m.put("flagship", def.flagship());
        m.put("windows", def.windows().size());
        m.put("openWindows", s.openWindows());
        m.put("waiting", s.waiting());
        m.put("postponed", s.postponed());
        m.put("servedToday", s.servedToday());
        m.put("meanWaitMinutes", minutes(s.meanWaitMs() / 1000));
        m.put("maxWaitMinutes", minutes(s.maxWaitMs() / 1000));
        m.put("predictedWaitMinutes", minutes(predictedWaitSeconds(s)));
        putTrend(m, s);
        return m;
    }

    /**
     * Puts the centre's queue trend: {@code trend} is {@code rising} or {@code falling} when the line grew or shrank
     * by more than {@link #STEADY_PER_HOUR} visitors an hour over about the last quarter of an hour, else
     * {@code steady}; {@code trendPerHour} is that rate, one decimal.
     */
    static void putTrend(final Map<String, Object> m, final CentreSummary s)
    {
        final double perHour = s.growthPerHour();
        m.put("trend", perHour > STEADY_PER_HOUR ? "rising" : perHour < -STEADY_PER_HOUR ? "falling" : "steady");
        m.put("trendPerHour", Math.round(perHour * 10) / 10.0);
    }

    /** @return the longest predicted wait of any service line with visitors waiting (0 when none wait). */
    static long predictedWaitSeconds(final CentreSummary s)
    {
        long worst = 0;
        for (final ServiceLine line : s.services())
        {
            if (line.waiting() > 0)
            {
                worst = Math.max(worst, line.predictedWaitSeconds());
            }
        }
        return worst;
    }

    List<Map<String, Object>> services(final CentreSummary s)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final ServiceLine line : s.services())
        {
            final ServiceDef def = index.serviceAt(line.service());
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", def.id());
            m.put("index", line.service());
            m.put("name", def.name());
            m.put("agency", def.agency());
            m.put("expectedMinutes", def.expectedMinutes());
            m.put("priorities", def.priorities().stream().sorted().map(PriorityClass::wireName).toList());
            m.put("waiting", line.waiting());
            m.put("openWindows", line.openWindows());
            m.put("predictedWaitMinutes", etaMinutes(line.predictedWaitSeconds()));
            list.add(m);
        }
        return list;
    }

    Map<String, Object> queueEntry(final int centre, final QueueEntry e)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", TicketNumber.format(e.ticket()));
        m.put("priority", PriorityClass.fromCode(e.priority()).wireName());
        m.put("issuedAt", time(e.issuedMs()));
        m.put("forWindow", e.targetWindow() < 0 ? null : index.windowAt(centre, e.targetWindow()).id());
        return m;
    }

    Map<String, Object> staff(final StaffView s)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", index.staffAt(s.staff()).id());
        m.put("name", index.staffAt(s.staff()).name());
        m.put("state", s.mode().name());
        m.put("centre", s.centre() < 0 ? null : index.centreAt(s.centre()).id());
        m.put("window", s.window() < 0 ? null : index.windowAt(s.centre(), s.window()).id());
        m.put("travellingTo", s.targetCentre() < 0 ? null : index.centreAt(s.targetCentre()).id());
        m.put("arrivesAt", time(s.arrivalMs()));
        m.put("ratingMean", s.ratingCount() == 0 ? null : (double)s.ratingSum() / s.ratingCount());
        // what the member serves at any window besides its desk's services: whom to send for which line
        m.put("skills", index.staffAt(s.staff()).skills());
        return m;
    }
}

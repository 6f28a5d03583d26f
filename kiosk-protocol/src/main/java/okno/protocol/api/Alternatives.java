package okno.protocol.api;

import okno.config.NetworkIndex;
import okno.engine.api.NetworkView;
import okno.engine.api.TicketView;
import okno.engine.balancer.Alternative;
import okno.engine.balancer.RedirectAdvisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON form of the redirect advice shown with a new ticket. */
final class Alternatives
{
    private final RedirectAdvisor advisor;
    private final NetworkIndex index;

    Alternatives(final RedirectAdvisor advisor, final NetworkIndex index)
    {
        this.advisor = advisor;
        this.index = index;
    }

    List<Map<String, Object>> forTicket(final NetworkView view, final TicketView ticket)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final Alternative a : advisor.alternatives(view, ticket.centre(), ticket.currentService(),
            ticket.etaSeconds()))
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("centre", index.centreAt(a.centre()).id());
            m.put("name", index.centreAt(a.centre()).name());
            m.put("distanceKm", Math.round(a.distanceKm() * 10) / 10.0);
            m.put("travelMinutes", a.travelMinutes());
            m.put("etaMinutes", ApiViews.minutes(a.predictedWaitSeconds()));
            list.add(m);
        }
        return list;
    }
}

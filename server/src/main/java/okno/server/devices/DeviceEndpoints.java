package okno.server.devices;

import okno.config.DeviceDef;
import okno.config.DeviceKind;
import okno.config.NetworkIndex;
import okno.config.Role;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketView;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Device endpoints: {@code POST /api/centres/{c}/tickets/{number}/reprint} (kiosk of the centre, or operator)
 * prints an open ticket's slip again (at the asking kiosk's printer when it is online) and answers once the
 * printer printed it (200) or gave up (503);
 * {@code GET /api/network/devices} (operator) lists every device with its health, and for printers the tickets
 * whose slip did not print.
 */
final class DeviceEndpoints
{
    private final NetworkIndex index;
    private final DevicePlan plan;
    private final DeviceHealth health;
    private final TicketSlips slips;

    DeviceEndpoints(final NetworkIndex index, final DevicePlan plan, final DeviceHealth health,
        final TicketSlips slips)
    {
        this.index = index;
        this.plan = plan;
        this.health = health;
        this.slips = slips;
    }

    void register(final HttpRouter router)
    {
        router.add("POST", "/api/centres/{c}/tickets/{number}/reprint", this::reprint)
            .add("GET", "/api/network/devices", this::list);
    }

    private CompletionStage<ApiResponse> reprint(final ApiRequest request)
    {
        final String centreId = request.param("c");
        final int centre = index.centre(centreId);
        if (centre < 0)
        {
            throw ApiException.notFound("unknown_centre", "No centre '" + centreId + "'.");
        }
        TokenAuthenticator.require(request.principal(), Role.KIOSK, centreId);
        final String text = request.param("number");
        final int number = TicketNumber.parse(text);
        if (number < 0)
        {
            throw ApiException.badRequest("bad_ticket_number",
                "'" + text + "' is not a ticket number (a letter and digits, e.g. A042).");
        }
        // a kiosk's reprint comes out of its own printer, like its new slips
        final int kiosk = index.kiosk(request.principal().token());
        final CompletableFuture<KioskPrinter.Outcome> outcome = slips.reprint(centre, kiosk, view ->
        {
            final TicketView ticket = view.ticket(centre, number);
            if (ticket == null)
            {
                throw ApiException.notFound("unknown_ticket", "No ticket " + text + " today at centre '"
                    + centreId + "'.");
            }
            if (!ticket.state().isOpen())
            {
                throw new ApiException(409, "ticket_closed", "Ticket " + text + " is " + ticket.state().name()
                    + "; only open tickets are reprinted.");
            }
            return ticket;
        });
        if (outcome == null)
        {
            throw new ApiException(409, "no_printer", "Centre '" + centreId + "' has no ticket printer.");
        }
        return outcome.thenApply(printed ->
        {
            if (!printed.printed())
            {
                throw new ApiException(503, "print_failed", "Printer '" + printed.printer()
                    + "' did not print ticket " + text + ": " + printed.reason() + ".");
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("centre", centreId);
            m.put("ticket", TicketNumber.format(number));
            m.put("printer", printed.printer());
            m.put("printed", true);
            return ApiResponse.ok(m);
        });
    }

    private CompletionStage<ApiResponse> list(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.OPERATOR, null);
        final List<Map<String, Object>> devices = new ArrayList<>();
        for (final DeviceDef def : plan.devices())
        {
            final Map<String, Object> m = health.describe(def);
            m.put("port", def.port());
            m.put("address", def.address());
            if (def.kind() == DeviceKind.TICKET_PRINTER)
            {
                m.put("unprinted", slips.printer(def.id()).unprinted());
            }
            devices.add(m);
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("devices", devices);
        return CompletableFuture.completedFuture(ApiResponse.ok(body));
    }
}

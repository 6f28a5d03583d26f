package okno.server.devices;

import okno.config.NetworkIndex;
import okno.drivers.printer.TicketSlip;
import okno.engine.api.TicketView;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ticket slip says: centre name, number, service names, issue time in the network's local time, the
 * visitors ahead, the predicted wait in whole minutes (rounded up, as the API shows it) and a QR code with the
 * ticket's status URL. Built on the engine thread inside a query, from the ticket's view.
 */
final class SlipContent
{
    private final NetworkIndex index;
    private volatile String baseUrl;

    SlipContent(final NetworkIndex index)
    {
        this.index = index;
    }

    /**
     * Sets where visitors read their ticket's status; until then slips carry no QR code.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}, without a trailing slash
     */
    void baseUrl(final String baseUrl)
    {
        this.baseUrl = baseUrl;
    }

    /**
     * @param ticket     the ticket
     * @param position   place in line, 1 = next; -1 when not waiting
     * @param etaSeconds predicted wait; -1 when not waiting or when no open window serves the ticket
     * @return the slip
     */
    TicketSlip slip(final TicketView ticket, final int position, final int etaSeconds)
    {
        final List<String> services = new ArrayList<>(ticket.services().size());
        for (final int service : ticket.services())
        {
            services.add(index.serviceAt(service).name());
        }
        final String number = ticket.label();
        final String url = baseUrl;
        return new TicketSlip(
            index.centreAt(ticket.centre()).name(),
            number,
            services,
            LocalDateTime.ofInstant(Instant.ofEpochMilli(ticket.issuedMs()), index.config().utcOffset()),
            Math.max(0, position - 1),
            etaSeconds < 0 ? TicketSlip.ETA_UNKNOWN : (etaSeconds + 59) / 60,
            url == null ? null
                : url + "/ui/ticket.html?centre=" + index.centreAt(ticket.centre()).id() + "&number=" + number);
    }
}

package okno.drivers.printer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one ticket slip.
 *
 * @param centreName   centre name, Cyrillic or Latin
 * @param ticketNumber ticket number, e.g. {@code A042}, printed in large type
 * @param services     names of the services of the visit
 * @param issuedAt     local issue time shown on the slip
 * @param position     visitors ahead in the queue
 * @param etaMinutes   predicted wait in minutes
 * @param statusUrl    URL printed as a QR code, or null for no QR code
 */
public record TicketSlip(
    String centreName,
    String ticketNumber,
    List<String> services,
    LocalDateTime issuedAt,
    int position,
    int etaMinutes,
    String statusUrl)
{
    /**
     * Checks the fields and freezes the service list.
     */
    public TicketSlip
    {
        Objects.requireNonNull(centreName, "centreName");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        services = List.copyOf(services);
        if (position < 0 || etaMinutes < 0)
        {
            throw new IllegalArgumentException("position and etaMinutes must not be negative");
        }
    }
}

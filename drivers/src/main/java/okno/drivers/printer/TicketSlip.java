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
 * @param etaMinutes   predicted wait in minutes, {@link #ETA_UNKNOWN} when no open window serves the visit yet
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
    /** The wait is not known: no window serving the visit is open yet. */
    public static final int ETA_UNKNOWN = -1;

    /**
     * Checks the fields and freezes the service list.
     */
    public TicketSlip
    {
        Objects.requireNonNull(centreName, "centreName");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        services = List.copyOf(services);
        if (position < 0 || etaMinutes < ETA_UNKNOWN)
        {
            throw new IllegalArgumentException("position must not be negative, etaMinutes neither (but ETA_UNKNOWN)");
        }
    }
}

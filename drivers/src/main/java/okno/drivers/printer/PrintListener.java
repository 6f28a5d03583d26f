package okno.drivers.printer;

import okno.drivers.DeviceStatus;

/**
 * Outcome of each print request. Called on the printer's worker thread; must not block.
 */
public interface PrintListener
{
    /**
     * @param slip the slip, printed and cut
     */
    void onPrinted(TicketSlip slip);

    /**
     * @param slip   the slip that was not printed (or not completely); pass it to
     *               {@link TicketPrinter#print(TicketSlip)} again to reprint it
     * @param status the printer status that made the job fail
     */
    void onPrintFailed(TicketSlip slip, DeviceStatus status);
}

package okno.drivers.testing;

import okno.drivers.DeviceStatus;
import okno.drivers.printer.PrintListener;
import okno.drivers.printer.TicketSlip;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records print outcomes in arrival order.
 */
public final class PrintRecorder implements PrintListener
{
    /** One outcome; status is null for a printed slip. */
    public record Outcome(TicketSlip slip, boolean printed, DeviceStatus status)
    {
    }

    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    @Override
    public void onPrinted(final TicketSlip slip)
    {
        outcomes.add(new Outcome(slip, true, null));
    }

    @Override
    public void onPrintFailed(final TicketSlip slip, final DeviceStatus status)
    {
        outcomes.add(new Outcome(slip, false, status));
    }

    /**
     * @param timeoutMs longest wait
     * @return next outcome or null
     * @throws InterruptedException if interrupted
     */
    public Outcome next(final long timeoutMs) throws InterruptedException
    {
        return outcomes.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }
}

package okno.server.devices;

import okno.drivers.DeviceStatus;
import okno.drivers.DeviceStatusListener;
import okno.drivers.DriverTiming;
import okno.drivers.printer.PrintListener;
import okno.drivers.printer.TicketPrinter;
import okno.drivers.printer.TicketSlip;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One kiosk printer and what it owes: the numbers of tickets whose slip did not print (newest
 * {@value #MAX_UNPRINTED} kept, dropped once a slip of that number prints) and the reprints waiting for their
 * outcome. Print calls come from any thread; outcomes come on the printer's worker thread.
 */
final class KioskPrinter implements PrintListener, AutoCloseable
{
    static final int MAX_UNPRINTED = 100;
    /** Longest wait for a reprint's outcome; the driver answers within a status poll unless its thread hangs. */
    private static final long REPRINT_TIMEOUT_MS = 10_000;

    private final DevicePlan.Printer plan;
    private final TicketPrinter printer;
    private final Set<String> unprinted = new LinkedHashSet<>();
    /** Keyed by identity: the driver hands back the very slip it was given, and equal slips may both wait. */
    private final Map<TicketSlip, CompletableFuture<Outcome>> reprints =
        Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * How a reprint ended.
     *
     * @param printer device id of the printer
     * @param printed true when the slip was printed and cut
     * @param reason  why it was not, e.g. {@code paper out}; {@code ok} when printed
     */
    record Outcome(String printer, boolean printed, String reason)
    {
    }

    KioskPrinter(final DevicePlan.Printer plan, final DriverTiming timing, final Clock clock,
        final DeviceStatusListener health)
    {
        this.plan = plan;
        this.printer = new TicketPrinter(plan.config(), timing, clock, health, this);
    }

    /** @return the printer's configuration. */
    DevicePlan.Printer plan()
    {
        return plan;
    }

    void start()
    {
        printer.start();
    }

    /** Queues the slip of a new ticket; a slip that cannot be queued or printed is remembered as unprinted. */
    void print(final TicketSlip slip)
    {
        if (!printer.print(slip))
        {
            failed(slip.ticketNumber());
        }
    }

    /** Records a ticket whose slip never reached the printer. */
    void failed(final String ticketNumber)
    {
        synchronized (unprinted)
        {
            unprinted.remove(ticketNumber);
            unprinted.add(ticketNumber);
            if (unprinted.size() > MAX_UNPRINTED)
            {
                unprinted.remove(unprinted.iterator().next());
            }
        }
    }

    /**
     * Prints a slip again.
     *
     * @return completes once the printer printed the slip or gave up on it
     */
    CompletableFuture<Outcome> reprint(final TicketSlip slip)
    {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        reprints.put(slip, outcome);
        if (!printer.print(slip))
        {
            reprints.remove(slip);
            outcome.complete(failure("print queue full"));
        }
        return outcome.completeOnTimeout(failure("no answer from the printer driver"), REPRINT_TIMEOUT_MS,
            TimeUnit.MILLISECONDS);
    }

    /** @return numbers of tickets whose slip did not print, oldest first. */
    List<String> unprinted()
    {
        synchronized (unprinted)
        {
            return new ArrayList<>(unprinted);
        }
    }

    @Override
    public void onPrinted(final TicketSlip slip)
    {
        synchronized (unprinted)
        {
            unprinted.remove(slip.ticketNumber());
        }
        final CompletableFuture<Outcome> outcome = reprints.remove(slip);
        if (outcome != null)
        {
            outcome.complete(new Outcome(plan.def().id(), true, "ok"));
        }
    }

    @Override
    public void onPrintFailed(final TicketSlip slip, final DeviceStatus status)
    {
        failed(slip.ticketNumber());
        final CompletableFuture<Outcome> outcome = reprints.remove(slip);
        if (outcome != null)
        {
            outcome.complete(failure(status == null ? "no status" : status.reason()));
        }
    }

    private Outcome failure(final String reason)
    {
        return new Outcome(plan.def().id(), false, reason);
    }

    @Override
    public void close()
    {
        printer.close();
    }
}

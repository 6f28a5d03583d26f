package okno.server.devices;

import okno.config.NetworkIndex;
import okno.drivers.DriverTiming;
import okno.drivers.printer.TicketSlip;
import okno.engine.api.EngineEvent;
import okno.engine.api.NetworkView;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketView;
import okno.protocol.gateway.EngineGateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Prints a slip for every ticket issued at a centre with a kiosk printer. The engine event carries only the
 * first service of a visit, so the slip is read from the engine with a query; the publisher thread must not
 * wait for the ring, so it only hands the event's copy to the {@code okno-slips} thread, which submits the query.
 * The slip is built on the engine thread and queued at the printer, whose worker prints it.
 *
 * <pre>
 *  publisher ──TICKET_ISSUED copy──▶ okno-slips ──query──▶ engine: SlipContent ──print──▶ KioskPrinter worker
 * </pre>
 *
 * <p>The event names the kiosk that took the ticket (from the caller's token): its slip prints on that kiosk's
 * own printer while it is online. A ticket of a kiosk without a printer, of another client (operator, simulator),
 * or of a kiosk whose printer is offline prints on the centre's first online printer, or on its first printer when
 * none is online, which then records the slip as unprinted.
 */
final class TicketSlips implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(TicketSlips.class.getName());
    private static final int BACKLOG = 1024;

    /** What the publisher thread copies out of a TICKET_ISSUED event. */
    private record Issued(int centre, int kiosk, int number, int position, int etaSeconds)
    {
    }

    private final EngineGateway gateway;
    private final DeviceHealth health;
    private final SlipContent content;
    private final List<List<KioskPrinter>> byCentre = new ArrayList<>();
    private final List<KioskPrinter> printers = new ArrayList<>();
    /** The printer in each kiosk (index), null for kiosks without one. */
    private final KioskPrinter[] byKiosk;
    private final ThreadPoolExecutor executor;

    TicketSlips(final NetworkIndex index, final DevicePlan plan, final EngineGateway gateway,
        final DeviceHealth health, final DriverTiming timing, final Clock clock)
    {
        this.gateway = gateway;
        this.health = health;
        this.content = new SlipContent(index);
        this.byKiosk = new KioskPrinter[index.kioskCount()];
        for (int c = 0; c < index.config().centres().size(); c++)
        {
            byCentre.add(new ArrayList<>());
        }
        for (final DevicePlan.Printer p : plan.printers())
        {
            final KioskPrinter printer = new KioskPrinter(p, timing, clock, health);
            printers.add(printer);
            byCentre.get(p.centre()).add(printer);
            if (p.kiosk() >= 0)
            {
                byKiosk[p.kiosk()] = printer;
            }
        }
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG),
            runnable ->
            {
                final Thread thread = new Thread(runnable, "okno-slips");
                thread.setDaemon(true);
                return thread;
            });
    }

    /** Starts the printers; slips carry the status URL under {@code baseUrl} from now on. */
    void start(final String baseUrl)
    {
        content.baseUrl(baseUrl);
        printers.forEach(KioskPrinter::start);
    }

    /** @return the printer with that device id. */
    KioskPrinter printer(final String deviceId)
    {
        for (final KioskPrinter printer : printers)
        {
            if (printer.plan().def().id().equals(deviceId))
            {
                return printer;
            }
        }
        throw new IllegalArgumentException("no printer " + deviceId);
    }

    /** @return whether the centre (index) has a kiosk printer. */
    boolean hasPrinter(final int centre)
    {
        return !byCentre.get(centre).isEmpty();
    }

    /** Hands the slip of a new ticket to the slip thread. Publisher thread; never waits. */
    void onIssued(final EngineEvent e)
    {
        if (!hasPrinter(e.centre))
        {
            return;
        }
        final Issued issued = new Issued(e.centre, e.kiosk, e.ticket, e.position, e.etaSeconds);
        try
        {
            executor.execute(() -> print(issued));
        }
        catch (final RejectedExecutionException ex)
        {
            choose(issued.centre, issued.kiosk).failed(TicketNumber.format(issued.number));
        }
    }

    private void print(final Issued issued)
    {
        final KioskPrinter printer = choose(issued.centre, issued.kiosk);
        try
        {
            gateway.query(view ->
            {
                final TicketView ticket = view.ticket(issued.centre, issued.number);
                // a day rollover between issue and query drops the ticket: nothing to print
                if (ticket != null)
                {
                    printer.print(content.slip(ticket, issued.position, issued.etaSeconds));
                }
                return null;
            });
        }
        catch (final IllegalStateException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "engine closed before the slip of "
                + TicketNumber.format(issued.number) + " was read", ex);
            printer.failed(TicketNumber.format(issued.number));
        }
    }

    /**
     * Reads a ticket and prints its slip again, with its current place in line, at the asking kiosk when its
     * printer is online (as a new slip would).
     *
     * @param kiosk  index of the kiosk asking, or -1 (operator)
     * @param reader reads the ticket on the engine thread; throws to refuse the reprint
     * @return the printer's outcome, or {@code null} when the centre has no printer
     */
    CompletableFuture<KioskPrinter.Outcome> reprint(final int centre, final int kiosk,
        final Function<NetworkView, TicketView> reader)
    {
        if (!hasPrinter(centre))
        {
            return null;
        }
        final KioskPrinter printer = choose(centre, kiosk);
        return gateway.query(view ->
        {
            final TicketView ticket = reader.apply(view);
            return content.slip(ticket, ticket.position(), ticket.etaSeconds());
        }).thenCompose(printer::reprint);
    }

    /**
     * @param kiosk index of the kiosk asking, or -1
     * @return the printer a slip for that kiosk of the centre prints on now
     */
    KioskPrinter choose(final int centre, final int kiosk)
    {
        final KioskPrinter own = kiosk < 0 ? null : byKiosk[kiosk];
        if (own != null && health.isOnline(own.plan().def().id()))
        {
            return own;
        }
        final List<KioskPrinter> candidates = byCentre.get(centre);
        for (final KioskPrinter printer : candidates)
        {
            if (health.isOnline(printer.plan().def().id()))
            {
                return printer;
            }
        }
        return candidates.get(0);
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
        printers.forEach(KioskPrinter::close);
    }
}

package okno.server.sim;

import okno.config.DayHours;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.Result;
import okno.engine.balancer.Alternative;

/**
 * The visitors' side of the day: appointments booked at its start and checked in on arrival, tickets drawn
 * otherwise; a called visitor walks to the window in the mix's walk time or does not come (recalled each minute
 * up to the network's call limit, then a no-show); a completed multi-service visit queues again. Under okno's
 * kiosk some visitors told of a long wait take a nearby centre instead ({@link Redirects}).
 */
final class VisitorFlow
{
    private static final long RECALL_MS = 60_000L;

    private final EngineSlot engine;
    private final DayClock clock;
    private final Workload workload;
    private final Visitors visitors;
    private final Tickets tickets;
    private final Line line;
    private final Hall hall;
    private final WindowControl windows;
    private final DayRecorder recorder;
    /** Null for a kiosk that offers no nearby centre (fifo). */
    private final Redirects redirects;
    private final EventHeap heap;

    VisitorFlow(final EngineSlot engine, final DayClock clock, final Workload workload, final Visitors visitors,
        final Tickets tickets, final Line line, final Hall hall, final WindowControl windows,
        final DayRecorder recorder, final Redirects redirects, final EventHeap heap)
    {
        this.engine = engine;
        this.clock = clock;
        this.workload = workload;
        this.visitors = visitors;
        this.tickets = tickets;
        this.line = line;
        this.hall = hall;
        this.windows = windows;
        this.recorder = recorder;
        this.redirects = redirects;
        this.heap = heap;
    }

    /** Schedules every visitor's arrival. */
    void scheduleArrivals()
    {
        for (int v = 0; v < visitors.count; v++)
        {
            heap.push(visitors.arriveMs[v], SimEvent.ARRIVE, v, 0);
        }
    }

    /** Books the day's appointments whose slot ends before closing. */
    void bookAppointments()
    {
        final int slotMinutes = workload.network.rules().slotMinutes();
        for (int v = 0; v < visitors.count; v++)
        {
            if (!visitors.appointment[v])
            {
                continue;
            }
            final int c = visitors.centre[v];
            final DayHours hours = workload.network.centres().get(c).hours().on(clock.weekday);
            final int minute = (int)((visitors.arriveMs[v] - clock.dayStartMs) / 60_000L);
            final int slot = hours.openMinute() + (minute - hours.openMinute()) / slotMinutes * slotMinutes;
            if (slot + slotMinutes > hours.closeMinute())
            {
                continue;
            }
            final Command cmd = engine.command(CommandType.BOOK_APPOINTMENT);
            cmd.centre = c;
            cmd.addService(visitors.first[v]);
            cmd.slotMs = clock.dayStartMs + slot * 60_000L;
            engine.apply();
            if (cmd.result == Result.OK)
            {
                tickets.appointmentCode[v] = cmd.resultAppointmentCode;
            }
        }
    }

    /** A visitor arrives: checks in or draws a ticket, and an idle window that serves them calls. */
    void arrive(final int v)
    {
        final Command cmd;
        if (tickets.appointmentCode[v] != 0)
        {
            cmd = engine.command(CommandType.CHECK_IN);
            cmd.centre = visitors.centre[v];
            cmd.appointmentCode = tickets.appointmentCode[v];
        }
        else
        {
            cmd = engine.command(CommandType.ISSUE_TICKET);
            cmd.centre = visitors.centre[v];
            cmd.priority = visitors.priority[v];
            cmd.addService(visitors.first[v]);
            if (visitors.second[v] >= 0)
            {
                cmd.addService(visitors.second[v]);
            }
        }
        engine.apply();
        if (cmd.result != Result.OK)
        {
            return;
        }
        final int c = visitors.centre[v];
        final Alternative elsewhere = redirects == null || cmd.type != CommandType.ISSUE_TICKET ? null
            : redirects.taken(engine.state(), v, c, visitors.first[v], cmd.resultEtaSeconds);
        if (elsewhere != null)
        {
            goElsewhere(v, c, cmd.resultTicket, elsewhere);
            return;
        }
        tickets.byTicket[c].put(cmd.resultTicket, v);
        tickets.ticketNumber[v] = cmd.resultTicket;
        tickets.issuedMs[v] = clock.nowMs();
        tickets.predictedSeconds[v] = cmd.resultEtaSeconds;
        line.enqueue(c, v);
        windows.wake(c, visitors.first[v]);
    }

    /** The visitor cancels the ticket and travels to the other centre, where they draw a new one on arrival. */
    private void goElsewhere(final int v, final int c, final int ticket, final Alternative elsewhere)
    {
        final Command cancel = engine.command(CommandType.CANCEL_TICKET);
        cancel.centre = c;
        cancel.ticketNumber = ticket;
        engine.apply();
        final long travelMs = elsewhere.travelMinutes() * 60_000L;
        visitors.centre[v] = elsewhere.centre();
        recorder.redirected(travelMs);
        heap.push(clock.nowMs() + travelMs, SimEvent.ARRIVE, v, 0);
    }

    /** The engine called a ticket: the window is busy with its visitor, who walks up or does not come. */
    void called(final EngineEvent e)
    {
        final int c = e.centre;
        final int i = hall.windowBase[c] + e.window;
        final int v = tickets.byTicket[c].get(e.ticket);
        line.dequeue(c, v);
        hall.mode[i] = Hall.BUSY;
        hall.busyWindows++;
        hall.current[i] = v;
        hall.calls[i] = 1;
        if (tickets.stage[v] == 0)
        {
            recorder.recordWait(v, e.durationMs);
        }
        final long nowMs = clock.nowMs();
        if (tickets.stage[v] == 0 && visitors.noShow[v])
        {
            heap.push(nowMs + RECALL_MS, SimEvent.RECALL, i, v);
        }
        else
        {
            heap.push(nowMs + workload.mix.walkMs(), SimEvent.START, i, v);
        }
    }

    /** The visitor reached the window: the service starts. */
    void startService(final int i)
    {
        at(i, CommandType.START_SERVICE);
        engine.apply();
        final int v = hall.current[i];
        heap.push(clock.nowMs() + (tickets.stage[v] == 0 ? visitors.firstMs[v] : visitors.secondMs[v]),
            SimEvent.COMPLETE, i, 0);
    }

    /** The service is done: the visitor rates it, or queues again for their second service. */
    void complete(final int i)
    {
        final int c = hall.centreOf(i);
        final int v = hall.current[i];
        at(i, CommandType.COMPLETE_SERVICE);
        engine.apply();
        final boolean more = tickets.stage[v] == 0 && visitors.second[v] >= 0;
        if (!more && visitors.rating[v] > 0)
        {
            at(i, CommandType.RATE).score = visitors.rating[v];
            engine.apply();
        }
        hall.current[i] = -1;
        if (more)
        {
            tickets.stage[v] = 1;
            line.enqueue(c, v);
            heap.push(clock.nowMs(), SimEvent.WAKE, c, visitors.second[v]);
        }
        windows.windowFree(i);
    }

    /** The called visitor did not come: called again, or a no-show after the network's call limit. */
    void recall(final int i)
    {
        final int v = hall.current[i];
        final boolean noShow = hall.calls[i] >= workload.network.rules().maxCalls();
        at(i, noShow ? CommandType.NO_SHOW : CommandType.RECALL);
        engine.apply();
        if (noShow)
        {
            hall.current[i] = -1;
            windows.windowFree(i);
        }
        else
        {
            hall.calls[i]++;
            heap.push(clock.nowMs() + RECALL_MS, SimEvent.RECALL, i, v);
        }
    }

    /** @return the slot typed {@code type} for window {@code i} (network index). */
    private Command at(final int i, final CommandType type)
    {
        final int c = hall.centreOf(i);
        final Command cmd = engine.command(type);
        cmd.centre = c;
        cmd.window = i - hall.windowBase[c];
        return cmd;
    }
}

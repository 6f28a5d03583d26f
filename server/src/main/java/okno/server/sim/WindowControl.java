package okno.server.sim;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.Result;

import java.util.function.IntConsumer;

/**
 * Opens, calls at and closes windows through the engine and keeps the {@link Hall} in step with the engine's
 * window events. A window that becomes idle is handed to the day's coordinator, which decides what is due there.
 */
final class WindowControl
{
    private final EngineSlot engine;
    private final DayClock clock;
    private final Hall hall;
    private final Tickets tickets;
    private final FifoDriver fifo;
    private final boolean byNumber;
    private final Roster roster;
    private final ShiftDuty duty;
    private final EventHeap heap;
    private final IntConsumer idle;
    /** The simulator itself is closing a window (a close it did not ask for is a staff member leaving). */
    private boolean closingHere;
    /** The simulator is closing a window for its member's break (the member is not free meanwhile). */
    private boolean breakingHere;

    WindowControl(final EngineSlot engine, final DayClock clock, final Hall hall, final Tickets tickets,
        final FifoDriver fifo, final SimPolicy policy, final Roster roster, final ShiftDuty duty,
        final EventHeap heap, final IntConsumer idle)
    {
        this.engine = engine;
        this.clock = clock;
        this.hall = hall;
        this.tickets = tickets;
        this.fifo = fifo;
        this.byNumber = policy == SimPolicy.FIFO;
        this.roster = roster;
        this.duty = duty;
        this.heap = heap;
        this.idle = idle;
    }

    /** A ticket for {@code service} waits at {@code c}: the first idle window that serves it calls. */
    void wake(final int c, final int service)
    {
        for (int w = 0; w < hall.windowCount[c]; w++)
        {
            final int i = hall.windowBase[c] + w;
            if (hall.mode[i] == Hall.IDLE && hall.serves(i, service) && call(c, w))
            {
                return;
            }
        }
    }

    /** The window calls according to the policy. @return whether it called someone */
    boolean call(final int c, final int w)
    {
        final int i = hall.windowBase[c] + w;
        final Command cmd;
        if (byNumber)
        {
            final int v = fifo.oldestFor(c, i);
            if (v < 0)
            {
                return false;
            }
            cmd = engine.command(CommandType.CALL_TICKET);
            cmd.ticketNumber = tickets.ticketNumber[v];
        }
        else
        {
            cmd = engine.command(CommandType.CALL_NEXT);
        }
        cmd.centre = c;
        cmd.window = w;
        engine.apply();
        return cmd.result == Result.OK;
    }

    /** A window's visitor is done (or it just opened): it becomes idle and does what is due. */
    void windowFree(final int i)
    {
        if (hall.mode[i] != Hall.BUSY || hall.current[i] >= 0)
        {
            return;
        }
        hall.mode[i] = Hall.IDLE;
        hall.busyWindows--;
        idle.accept(i);
    }

    /** Opens a closed window of the plan with a member present at the centre; their shift starts if it had not. */
    void open(final int c, final int w, final int member)
    {
        openWindow(c, w, member, false);
    }

    /**
     * Opens a closed window outside the plan (a helper, a stuck line) with a member present at the centre: it closes
     * once it is free with the centre's line empty, from {@code stintEndMs} on.
     */
    void deploy(final int c, final int w, final int member, final long stintEndMs)
    {
        openWindow(c, w, member, true);
        hall.stintEndMs[hall.windowBase[c] + w] = stintEndMs;
    }

    private void openWindow(final int c, final int w, final int member, final boolean deployed)
    {
        final int i = hall.windowBase[c] + w;
        final Command slot = engine.command(CommandType.OPEN_WINDOW);
        slot.centre = c;
        slot.window = w;
        slot.staff = member;
        engine.apply();
        if (slot.result != Result.OK)
        {
            throw new IllegalStateException("simulator could not open window " + w + " of centre " + c
                + " for member " + member + ": " + slot.result);
        }
        duty.begin(member);
        hall.closing[i] = false;
        hall.deployed[i] = deployed;
        hall.take(i, member);
        hall.open[c]++;
        busy(i);
    }

    /** The window is open and staffed: it calls at once. */
    void busy(final int i)
    {
        hall.mode[i] = Hall.BUSY;
        hall.busyWindows++;
        windowFree(i);
    }

    /** Closes the window now. */
    void close(final int i)
    {
        final int c = hall.centreOf(i);
        final Command slot = engine.command(CommandType.CLOSE_WINDOW);
        slot.centre = c;
        slot.window = i - hall.windowBase[c];
        closingHere = true;
        engine.apply();
        closingHere = false;
    }

    /** Closes the window now for its member's break (the member is not free meanwhile). */
    void closeForBreak(final int i)
    {
        breakingHere = true;
        close(i);
        breakingHere = false;
    }

    /** Closes a window now if it has no visitor, else after the visitor. */
    void closeSoon(final int i)
    {
        if (hall.mode[i] == Hall.BUSY)
        {
            hall.closing[i] = true;
        }
        else if (hall.mode[i] != Hall.CLOSED)
        {
            close(i);
        }
    }

    /** After closing time, once the line is empty: every idle window of the centre closes. */
    void closeIdle(final int c)
    {
        for (int w = 0; w < hall.windowCount[c]; w++)
        {
            if (hall.mode[hall.windowBase[c] + w] == Hall.IDLE)
            {
                close(hall.windowBase[c] + w);
            }
        }
    }

    /** The day ends: idle and paused windows close, members still serving leave now. */
    void closeEverything()
    {
        for (int i = 0; i < hall.mode.length; i++)
        {
            if (hall.mode[i] == Hall.IDLE || hall.mode[i] == Hall.ON_BREAK)
            {
                close(i);
            }
            else if (hall.mode[i] == Hall.BUSY)
            {
                roster.leave(hall.windowStaff[i], clock.nowMs());
            }
        }
    }

    /**
     * The engine closed a window (asked by the simulator, or its member left): the window's state clears, a
     * relief's returning colleague goes back to the back office, and the member leaves the window for home, the
     * back office or (away from home) the trip back.
     */
    void closed(final EngineEvent e)
    {
        final int c = e.centre;
        final int i = hall.windowBase[c] + e.window;
        if (hall.mode[i] == Hall.BUSY)
        {
            hall.busyWindows--;
        }
        hall.mode[i] = Hall.CLOSED;
        hall.closing[i] = false;
        hall.breakDue[i] = false;
        hall.shiftDue[i] = false;
        hall.open[c]--;
        if (hall.returning[i] >= 0)
        {
            duty.backOffice(hall.returning[i]);
            hall.returning[i] = -1;
        }
        final int member = hall.windowStaff[i];
        hall.deployed[i] = false;
        hall.leave(i);
        if (member < 0)
        {
            return;
        }
        final long nowMs = clock.nowMs();
        roster.leave(member, nowMs);
        if (!closingHere || breakingHere)
        {
            return;
        }
        if (c != roster.home(member))
        {
            heap.push(nowMs, SimEvent.SEND_HOME, member, 0);
        }
        else if (!roster.pool(member))
        {
            roster.release(member, nowMs);
        }
    }
}

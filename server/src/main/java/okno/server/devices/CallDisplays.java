package okno.server.devices;

import okno.config.DeviceDef;
import okno.config.NetworkIndex;
import okno.drivers.DeviceStatusListener;
import okno.drivers.DriverTiming;
import okno.drivers.board.HallBoard;
import okno.drivers.display.KeypadListener;
import okno.drivers.display.WindowAddress;
import okno.drivers.display.WindowDisplay;
import okno.drivers.display.WindowDisplayConfig;
import okno.engine.api.EngineEvent;
import okno.engine.api.TicketNumber;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shows calls: the window display above a window blinks the called ticket (call and recall), shows it steadily
 * once service starts and goes blank when the visit leaves the window; the centre's hall boards put
 * "ticket -> window" on top of their last calls and are cleared when a new day starts. Runs on the publisher
 * thread: every driver call only records the wanted content and wakes the driver's worker.
 */
final class CallDisplays implements AutoCloseable
{
    private static final DisplaySlot[] NONE = new DisplaySlot[0];
    private static final HallBoard[] NO_BOARDS = new HallBoard[0];

    /** One display above a window: the bus it hangs on and its key (device id) there. */
    private record DisplaySlot(WindowDisplay bus, String key)
    {
    }

    private final NetworkIndex index;
    private final List<WindowDisplay> buses = new ArrayList<>();
    private final List<HallBoard> boards = new ArrayList<>();
    /** [centre][window] → displays above that window. */
    private final DisplaySlot[][][] displays;
    /** [centre] → hall boards of the centre. */
    private final HallBoard[][] boardsByCentre;
    /** [centre] → whether the centre has any display or board (most events of a city have none to drive). */
    private final boolean[] equipped;

    CallDisplays(final NetworkIndex index, final DevicePlan plan, final DriverTiming timing, final Clock clock,
        final DeviceStatusListener health, final KeypadListener keys)
    {
        this.index = index;
        final int centres = index.config().centres().size();
        displays = new DisplaySlot[centres][][];
        boardsByCentre = new HallBoard[centres][];
        equipped = new boolean[centres];
        for (int c = 0; c < centres; c++)
        {
            displays[c] = new DisplaySlot[index.centreAt(c).windows().size()][];
            Arrays.fill(displays[c], NONE);
            boardsByCentre[c] = NO_BOARDS;
        }
        for (final WindowDisplayConfig config : plan.displayBuses())
        {
            final WindowDisplay bus = new WindowDisplay(config, timing, clock, health, keys);
            buses.add(bus);
            for (final WindowAddress member : config.windows())
            {
                final DeviceDef def = plan.byId(member.windowId());
                final int centre = index.centre(def.centre());
                final int window = index.window(centre, def.window());
                displays[centre][window] = append(displays[centre][window], new DisplaySlot(bus, member.windowId()));
                equipped[centre] = true;
            }
        }
        for (final DevicePlan.Board board : plan.boards())
        {
            final HallBoard hallBoard = new HallBoard(board.config(), timing, clock, health);
            boards.add(hallBoard);
            boardsByCentre[board.centre()] = append(boardsByCentre[board.centre()], hallBoard);
            equipped[board.centre()] = true;
        }
    }

    private static <T> T[] append(final T[] array, final T item)
    {
        final T[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = item;
        return grown;
    }

    void start()
    {
        buses.forEach(WindowDisplay::start);
        boards.forEach(HallBoard::start);
    }

    /** Updates displays and boards for one engine event. Publisher thread. */
    void onEvent(final EngineEvent e)
    {
        if (e.centre >= 0 && !equipped[e.centre])
        {
            return;
        }
        switch (e.type)
        {
            case TICKET_CALLED, TICKET_RECALLED -> call(e.centre, e.window, TicketNumber.format(e.ticket));
            case SERVICE_STARTED -> show(e.centre, e.window, TicketNumber.format(e.ticket));
            case SERVICE_COMPLETED, NO_SHOW, POSTPONED, TRANSFERRED, WINDOW_CLOSED, WINDOW_BREAK ->
                clear(e.centre, e.window);
            case DAY_STARTED -> boards.forEach(HallBoard::clear);
            default ->
            {
                // other events change nothing a display shows
            }
        }
    }

    private void call(final int centre, final int window, final String ticket)
    {
        for (final DisplaySlot slot : displaysAt(centre, window))
        {
            slot.bus.call(slot.key, ticket);
        }
        final HallBoard[] centreBoards = boardsByCentre[centre];
        if (centreBoards.length > 0)
        {
            final String label = index.windowAt(centre, window).id();
            for (final HallBoard board : centreBoards)
            {
                board.showCall(ticket, label);
            }
        }
    }

    private void show(final int centre, final int window, final String ticket)
    {
        for (final DisplaySlot slot : displaysAt(centre, window))
        {
            slot.bus.show(slot.key, ticket);
        }
    }

    private void clear(final int centre, final int window)
    {
        for (final DisplaySlot slot : displaysAt(centre, window))
        {
            slot.bus.clear(slot.key);
        }
    }

    private DisplaySlot[] displaysAt(final int centre, final int window)
    {
        return window < 0 ? NONE : displays[centre][window];
    }

    @Override
    public void close()
    {
        buses.forEach(WindowDisplay::close);
        boards.forEach(HallBoard::close);
    }
}

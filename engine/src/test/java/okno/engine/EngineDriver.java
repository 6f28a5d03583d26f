package okno.engine;

import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketView;
import okno.engine.state.NetworkState;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs scenarios against a {@link NetworkState} the way the pipeline does: one reused {@link Command} slot,
 * time stamped by the driver's manual clock, every event copied into {@link #events}. After each command the
 * state's internal invariants are checked. Methods take configuration ids and return the slot with its result.
 */
public final class EngineDriver
{
    public final NetworkConfig config;
    public final NetworkIndex index;
    public final NetworkState state;
    /** Every event reported so far, copied. */
    public final List<RecordedEvent> events = new ArrayList<>();
    /** The commands applied (not the queries), as the pipeline would journal them. */
    public final List<Command> journal = new ArrayList<>();

    private final Command slot = new Command().clear();
    private long nowMs;

    public EngineDriver(final NetworkConfig config)
    {
        this(config, new NetworkState(config));
    }

    /** Drives an existing state (e.g. one restored from a snapshot). */
    public EngineDriver(final NetworkConfig config, final NetworkState state)
    {
        this.config = config;
        this.index = new NetworkIndex(config);
        this.state = state;
        this.nowMs = TestNetworks.monday(9, 0);
    }

    // ---- clock

    /** Sets the time stamped on following commands. */
    public EngineDriver at(final long epochMs)
    {
        nowMs = epochMs;
        return this;
    }

    /** Sets the time to a local time on Monday of the test week. */
    public EngineDriver atMonday(final int hour, final int minute)
    {
        return at(TestNetworks.monday(hour, minute));
    }

    public EngineDriver advanceMinutes(final long minutes)
    {
        nowMs += minutes * 60_000L;
        return this;
    }

    public EngineDriver advanceSeconds(final long seconds)
    {
        nowMs += seconds * 1000L;
        return this;
    }

    public long now()
    {
        return nowMs;
    }

    // ---- raw commands

    /** @return a builder for a command stamped with the current time. */
    public CommandBuilder command(final CommandType type)
    {
        return new CommandBuilder(index, type, nowMs);
    }

    /** Applies a command through the reused slot and checks invariants. @return the slot */
    public Command apply(final CommandBuilder builder)
    {
        slot.clear();
        slot.copyRequestFrom(builder.build());
        slot.query = builder.build().query;
        if (slot.query == null)
        {
            final Command journaled = new Command();
            journaled.copyRequestFrom(slot);
            journal.add(journaled);
        }
        state.apply(slot, e -> events.add(RecordedEvent.copyOf(e)));
        state.validateInternalState();
        return slot;
    }

    /** Applies a command that must succeed. @return the slot */
    public Command ok(final CommandBuilder builder)
    {
        final Command c = apply(builder);
        assertEquals(Result.OK, c.result, () -> "rejected: " + c);
        return c;
    }

    /**
     * Applies a command that must be rejected with {@code expected}: asserts exactly one REJECTED event with that
     * reason and an unchanged state hash. A TICK at the command's time goes first, so that timers due by then
     * (which fire before any command, rejected or not) do not count as a change.
     */
    public Command rejected(final Result expected, final CommandBuilder builder)
    {
        if (builder.build().timestampMs >= state.nowMs())
        {
            ok(new CommandBuilder(index, CommandType.TICK, builder.build().timestampMs));
        }
        final long before = state.stateHash();
        final int eventsBefore = events.size();
        final Command c = apply(builder);
        assertEquals(expected, c.result, () -> "result of " + c);
        assertEquals(1, events.size() - eventsBefore, () -> "events: " + events.subList(eventsBefore, events.size()));
        final RecordedEvent e = events.get(events.size() - 1);
        assertEquals(EventType.REJECTED, e.type());
        assertEquals(expected, e.reason());
        assertEquals(builder.build().type, e.rejectedCommand());
        assertEquals(before, state.stateHash(), () -> "state changed by rejected " + c);
        return c;
    }

    // ---- scenario steps

    public Command tick()
    {
        return ok(command(CommandType.TICK));
    }

    public CommandBuilder issueCommand(final String centre, final PriorityClass priority, final String... services)
    {
        return command(CommandType.ISSUE_TICKET).centre(centre).priority(priority).services(services);
    }

    /** Issues a ticket that must be accepted. @return its packed number */
    public int issue(final String centre, final PriorityClass priority, final String... services)
    {
        return ok(issueCommand(centre, priority, services)).resultTicket;
    }

    /** Issues a normal ticket. @return its packed number */
    public int issue(final String centre, final String... services)
    {
        return issue(centre, PriorityClass.NORMAL, services);
    }

    public CommandBuilder windowCommand(final CommandType type, final String centre, final String window)
    {
        return command(type).centre(centre).window(window);
    }

    public Command open(final String centre, final String window, final String staff)
    {
        return ok(windowCommand(CommandType.OPEN_WINDOW, centre, window).staff(staff));
    }

    /** Calls next at a window. @return packed number called, or -1 when nothing to call */
    public int callNext(final String centre, final String window)
    {
        final Command c = apply(windowCommand(CommandType.CALL_NEXT, centre, window));
        return c.result == Result.OK ? c.resultTicket : -1;
    }

    public Command act(final CommandType type, final String centre, final String window)
    {
        return ok(windowCommand(type, centre, window));
    }

    /** Calls next, starts and completes at once. @return packed number served, or -1 */
    public int serveNext(final String centre, final String window)
    {
        final int number = callNext(centre, window);
        if (number >= 0)
        {
            act(CommandType.START_SERVICE, centre, window);
            act(CommandType.COMPLETE_SERVICE, centre, window);
        }
        return number;
    }

    // ---- reads

    public TicketView ticket(final String centre, final int number)
    {
        return state.ticket(index.centre(centre), number);
    }

    public TicketView ticket(final String centre, final String label)
    {
        return ticket(centre, TicketNumber.parse(label));
    }

    /** @return events of one type, in order. */
    public List<RecordedEvent> eventsOf(final EventType type)
    {
        final List<RecordedEvent> matching = new ArrayList<>();
        for (final RecordedEvent e : events)
        {
            if (e.type() == type)
            {
                matching.add(e);
            }
        }
        return matching;
    }

    /** @return the last event reported. */
    public RecordedEvent lastEvent()
    {
        return events.get(events.size() - 1);
    }
}

package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.CommandBuilder;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static okno.engine.TestNetworks.monday;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rejection code is reachable, and each rejection reports one REJECTED event and leaves the state hash
 * unchanged. The cases run one after another against one prepared hall.
 */
class RejectionCoverageTest
{
    /** Codes of the API the state machine never returns (kept for compatibility of the codes). */
    private static final Set<Result> NOT_PRODUCED = EnumSet.of(Result.TICKET_NOT_POSTPONED);

    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    private CommandBuilder at(final CommandType type, final String centre, final String window)
    {
        return d.windowCommand(type, centre, window);
    }

    @Test
    void everyRejectionCodeIsReachableAndChangesNothing()
    {
        final int called = d.issue("north", "passport");
        d.issue("north", "passport");
        d.issue("north", "benefit");
        final int southTax = d.issue("south", "tax");
        d.open("north", "w1", "anna");
        d.open("north", "w3", "boris");
        d.callNext("north", "w1");
        d.callNext("north", "w3");
        d.act(CommandType.START_SERVICE, "north", "w3");
        d.issue("south", "passport");
        d.open("south", "w1", "gleb");
        d.serveNext("south", "w1");
        d.ok(at(CommandType.RATE, "south", "w1").score(5));
        d.open("south", "w2", "dina");
        d.act(CommandType.BREAK_WINDOW, "south", "w2");
        d.ok(d.command(CommandType.ASSIGN_STAFF).staff("vera").targetCentre("south"));
        final long full = d.ok(d.command(CommandType.BOOK_APPOINTMENT).centre("north").services("passport")
            .slot(monday(16, 0))).resultAppointmentCode;
        final long used = d.ok(d.command(CommandType.BOOK_APPOINTMENT).centre("north").services("passport")
            .slot(monday(9, 30))).resultAppointmentCode;
        d.ok(d.command(CommandType.CHECK_IN).centre("north").appointment(used));
        d.advanceMinutes(1);

        final Map<Result, CommandBuilder> cases = new EnumMap<>(Result.class);
        cases.put(Result.UNKNOWN_COMMAND, d.command(CommandType.QUERY));
        cases.put(Result.UNKNOWN_CENTRE, d.issueCommand("nowhere", PriorityClass.NORMAL, "passport"));
        cases.put(Result.UNKNOWN_WINDOW, at(CommandType.CALL_NEXT, "north", "w9"));
        cases.put(Result.UNKNOWN_SERVICE, d.issueCommand("north", PriorityClass.NORMAL, "nope"));
        cases.put(Result.UNKNOWN_STAFF, at(CommandType.OPEN_WINDOW, "north", "w2").staff("nobody"));
        cases.put(Result.UNKNOWN_TICKET, d.command(CommandType.CANCEL_TICKET).centre("north").ticket("Z999"));
        cases.put(Result.UNKNOWN_APPOINTMENT, d.command(CommandType.CANCEL_APPOINTMENT).centre("north").appointment(1));
        cases.put(Result.UNKNOWN_PROPOSAL, d.command(CommandType.ACCEPT_PROPOSAL).flag(99));
        cases.put(Result.BAD_PRIORITY, d.issueCommand("north", PriorityClass.NORMAL, "passport").priority(9));
        cases.put(Result.NO_SERVICES, d.issueCommand("north", PriorityClass.NORMAL));
        cases.put(Result.TOO_MANY_SERVICES, d.issueCommand("north", PriorityClass.NORMAL, "passport").serviceCount(6));
        cases.put(Result.DUPLICATE_SERVICE, d.issueCommand("north", PriorityClass.NORMAL, "passport", "tax", "passport"));
        cases.put(Result.BAD_SCORE, at(CommandType.RATE, "north", "w1").score(0));
        cases.put(Result.BAD_SLOT, d.command(CommandType.BOOK_APPOINTMENT).centre("north").services("passport")
            .slot(monday(16, 7)));
        cases.put(Result.TIME_WENT_BACKWARDS, d.command(CommandType.TICK));
        cases.put(Result.BAD_FLAG, d.command(CommandType.SET_STANDBY).staff("egor").flag(-1));
        cases.put(Result.SERVICE_NOT_OFFERED, d.issueCommand("north", PriorityClass.NORMAL, "licence"));
        cases.put(Result.PRIORITY_NOT_ALLOWED, d.issueCommand("north", PriorityClass.ACCESSIBILITY, "benefit"));
        cases.put(Result.TICKET_NOT_WAITING, d.command(CommandType.CANCEL_TICKET).centre("north").ticket(called));
        cases.put(Result.SLOT_FULL, d.command(CommandType.BOOK_APPOINTMENT).centre("north").services("passport")
            .slot(monday(16, 0)));
        cases.put(Result.SLOT_IN_PAST, d.command(CommandType.BOOK_APPOINTMENT).centre("north").services("passport")
            .slot(monday(8, 0)));
        cases.put(Result.APPOINTMENT_NOT_ACTIVE, d.command(CommandType.CHECK_IN).centre("north").appointment(used));
        cases.put(Result.CHECK_IN_TOO_EARLY, d.command(CommandType.CHECK_IN).centre("north").appointment(full));
        cases.put(Result.WINDOW_CLOSED, at(CommandType.CALL_NEXT, "north", "w2"));
        cases.put(Result.WINDOW_ALREADY_OPEN, at(CommandType.OPEN_WINDOW, "north", "w1").staff("egor"));
        cases.put(Result.WINDOW_BUSY, at(CommandType.CALL_NEXT, "north", "w1"));
        cases.put(Result.NO_CURRENT_TICKET, at(CommandType.RECALL, "south", "w1"));
        cases.put(Result.NOTHING_TO_CALL, at(CommandType.CALL_NEXT, "south", "w1"));
        cases.put(Result.ALREADY_SERVING, at(CommandType.RECALL, "north", "w3"));
        cases.put(Result.NOT_SERVING, at(CommandType.COMPLETE_SERVICE, "north", "w1"));
        cases.put(Result.NO_SHOW_TOO_EARLY, at(CommandType.NO_SHOW, "north", "w1"));
        cases.put(Result.NOTHING_TO_RATE, at(CommandType.RATE, "north", "w2").score(3));
        cases.put(Result.ALREADY_RATED, at(CommandType.RATE, "south", "w1").score(3));
        cases.put(Result.TRANSFER_TARGET_INVALID, at(CommandType.TRANSFER, "north", "w1"));
        cases.put(Result.WINDOW_CANNOT_SERVE, at(CommandType.CALL_TICKET, "south", "w1").ticket(southTax));
        cases.put(Result.WINDOW_ON_BREAK, at(CommandType.CALL_NEXT, "south", "w2"));
        cases.put(Result.STAFF_BUSY, d.command(CommandType.ASSIGN_STAFF).staff("anna").targetCentre("south"));
        cases.put(Result.STAFF_NOT_HERE, at(CommandType.OPEN_WINDOW, "north", "w2").staff("gleb"));
        cases.put(Result.STAFF_TRAVELLING, at(CommandType.OPEN_WINDOW, "north", "w2").staff("vera"));
        cases.put(Result.STAFF_ALREADY_THERE, d.command(CommandType.ASSIGN_STAFF).staff("egor").targetCentre("north"));

        cases.get(Result.TIME_WENT_BACKWARDS).build().timestampMs = d.now() - 1;
        for (final Map.Entry<Result, CommandBuilder> c : cases.entrySet())
        {
            d.rejected(c.getKey(), c.getValue());
        }

        d.atMonday(20, 30);
        d.rejected(Result.CENTRE_CLOSED, d.issueCommand("north", PriorityClass.NORMAL, "passport"));
        cases.put(Result.CENTRE_CLOSED, null);

        final Set<Result> expected = EnumSet.allOf(Result.class);
        expected.remove(Result.OK);
        expected.removeAll(NOT_PRODUCED);
        assertEquals(expected, cases.keySet());
    }
}

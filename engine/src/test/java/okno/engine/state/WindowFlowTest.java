package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;
import okno.engine.api.WindowView;
import org.junit.jupiter.api.Test;

import static okno.engine.api.CommandType.COMPLETE_SERVICE;
import static okno.engine.api.CommandType.POSTPONE;
import static okno.engine.api.CommandType.RECALL;
import static okno.engine.api.CommandType.START_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowFlowTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void callStartCompleteWalksTheTicketThroughItsStates()
    {
        final int a = d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.advanceMinutes(4);
        assertEquals(a, d.callNext("north", "w1"));
        final var called = d.lastEvent();
        assertEquals(EventType.TICKET_CALLED, called.type());
        assertEquals(1, called.callCount());
        assertEquals(240_000, called.durationMs(), "wait until the call");
        assertEquals(TicketState.CALLED, d.ticket("north", a).state());
        d.act(RECALL, "north", "w1");
        assertEquals(2, d.ticket("north", a).callCount());
        d.act(START_SERVICE, "north", "w1");
        final WindowView serving = d.state.window(0, 0);
        assertEquals(TicketState.SERVING, serving.currentState());
        assertEquals(d.now(), serving.currentSinceMs());
        d.advanceMinutes(6);
        d.act(COMPLETE_SERVICE, "north", "w1");
        assertEquals(360_000, d.lastEvent().durationMs());
        assertEquals(TicketState.DONE, d.ticket("north", a).state());
        final var counters = d.state.counters(0);
        assertEquals(1, counters.done());
        assertEquals(240_000, counters.maxWaitMs());
        assertEquals(1, d.state.centreSummary(0).servedToday());
        assertEquals(600_000 + (360_000 - 600_000) / 8, d.state.eta.serviceMs(0, d.index.service("passport")),
            "moving average moved an eighth toward the measured time");
        d.rejected(Result.NOTHING_TO_CALL, d.windowCommand(CommandType.CALL_NEXT, "north", "w1"));
    }

    @Test
    void multiServiceVisitReturnsToWaitWithItsOriginalIssueTime()
    {
        final int multi = d.issue("north", "passport", "tax");
        final long issuedAt = d.now();
        d.advanceMinutes(5);
        final int tax = d.issue("north", "tax");
        d.open("north", "w1", "anna");
        d.serveNext("north", "w1");
        assertEquals(TicketState.WAITING, d.ticket("north", multi).state());
        assertEquals(1, d.ticket("north", multi).currentServiceIndex());
        assertEquals(issuedAt, d.ticket("north", multi).issuedMs());
        assertEquals(1, d.ticket("north", multi).position(), "ahead of the tax ticket issued later");
        assertEquals(1, d.lastEvent().flag(), "completion says the visit continues");
        d.open("north", "w2", "boris");
        assertEquals(multi, d.callNext("north", "w2"));
        d.act(START_SERVICE, "north", "w2");
        d.act(COMPLETE_SERVICE, "north", "w2");
        assertEquals(TicketState.DONE, d.ticket("north", multi).state());
        assertEquals(tax, d.callNext("north", "w2"));
        assertEquals(2, d.state.counters(0).servicesCompleted());
        assertEquals(1, d.state.counters(0).done());
    }

    @Test
    void transferToServiceKeepsTheWaitAndTransferToWindowWaitsForThatWindowOnly()
    {
        final int a = d.issue("north", "passport");
        final long issuedAt = d.now();
        d.advanceMinutes(3);
        final int b = d.issue("north", "benefit");
        d.open("north", "w1", "anna");
        d.open("north", "w3", "boris");
        d.callNext("north", "w1");
        d.ok(d.windowCommand(CommandType.TRANSFER, "north", "w1").targetService("benefit"));
        assertEquals(EventType.TRANSFERRED, d.lastEvent().type());
        assertEquals(d.index.service("benefit"), d.ticket("north", a).currentService());
        assertEquals(issuedAt, d.ticket("north", a).issuedMs());
        assertEquals(a, d.callNext("north", "w3"), "its original wait puts it before the later benefit ticket");

        d.rejected(Result.TRANSFER_TARGET_INVALID, d.windowCommand(CommandType.TRANSFER, "north", "w3")
            .targetWindow("w1"));
        d.rejected(Result.TRANSFER_TARGET_INVALID, d.windowCommand(CommandType.TRANSFER, "north", "w3")
            .targetService("benefit"));
        d.ok(d.windowCommand(CommandType.TRANSFER, "north", "w3").targetService("passport"));
        assertEquals(a, d.callNext("north", "w3"));
        d.ok(d.windowCommand(CommandType.TRANSFER, "north", "w3").targetWindow("w1"));
        assertEquals(0, d.ticket("north", a).targetWindow());
        assertEquals(issuedAt, d.ticket("north", a).issuedMs());
        assertEquals(b, d.callNext("north", "w3"), "w3 cannot call a ticket transferred to w1");
        assertEquals(a, d.callNext("north", "w1"));
        assertEquals(-1, d.ticket("north", a).targetWindow());
    }

    @Test
    void closingTheTargetWindowReturnsTransfersToTheCommonLine()
    {
        final int a = d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.open("north", "w3", "boris");
        d.callNext("north", "w1");
        d.ok(d.windowCommand(CommandType.TRANSFER, "north", "w1").targetWindow("w3"));
        assertEquals(1, d.state.window(0, 2).transfersWaiting());
        d.act(CommandType.CLOSE_WINDOW, "north", "w3");
        assertEquals(-1, d.ticket("north", a).targetWindow());
        assertEquals(a, d.callNext("north", "w1"));
    }

    @Test
    void postponedTicketIsOnlyCalledByNumber()
    {
        final int a = d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.callNext("north", "w1");
        d.act(POSTPONE, "north", "w1");
        assertEquals(TicketState.POSTPONED, d.ticket("north", a).state());
        d.rejected(Result.NOTHING_TO_CALL, d.windowCommand(CommandType.CALL_NEXT, "north", "w1"));
        d.rejected(Result.WINDOW_CANNOT_SERVE, d.command(CommandType.CALL_TICKET).centre("north").window("w1")
            .ticket(d.issue("north", "benefit")));
        d.ok(d.windowCommand(CommandType.CALL_TICKET, "north", "w1").ticket(a));
        assertEquals(TicketState.CALLED, d.ticket("north", a).state());
        assertEquals(1, d.ticket("north", a).callCount());
    }

    @Test
    void noShowNeedsMaxCalls()
    {
        final int a = d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.callNext("north", "w1");
        d.rejected(Result.NO_SHOW_TOO_EARLY, d.windowCommand(CommandType.NO_SHOW, "north", "w1"));
        d.act(RECALL, "north", "w1");
        d.rejected(Result.NO_SHOW_TOO_EARLY, d.windowCommand(CommandType.NO_SHOW, "north", "w1"));
        d.act(RECALL, "north", "w1");
        assertEquals(EventType.TICKET_RECALLED, d.lastEvent().type());
        assertEquals(3, d.lastEvent().callCount());
        d.act(CommandType.NO_SHOW, "north", "w1");
        assertEquals(TicketState.NO_SHOW, d.ticket("north", a).state());
        assertNull(d.state.window(0, 0).currentState());
        assertEquals(1, d.state.counters(0).noShow());
    }

    @Test
    void breakPausesTheWindowAndOpeningAgainResumes()
    {
        d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.act(CommandType.BREAK_WINDOW, "north", "w1");
        assertEquals(WindowMode.BREAK, d.state.window(0, 0).mode());
        assertEquals(StaffMode.BREAK, d.state.staff(0).mode());
        assertEquals(0, d.state.centreSummary(0).openWindows());
        d.rejected(Result.WINDOW_ON_BREAK, d.windowCommand(CommandType.CALL_NEXT, "north", "w1"));
        d.rejected(Result.WINDOW_ON_BREAK, d.windowCommand(CommandType.OPEN_WINDOW, "north", "w1").staff("boris"));
        d.rejected(Result.STAFF_BUSY, d.windowCommand(CommandType.OPEN_WINDOW, "north", "w2").staff("anna"));
        d.open("north", "w1", "anna");
        assertEquals(StaffMode.AT_WINDOW, d.state.staff(0).mode());
        d.callNext("north", "w1");
        d.rejected(Result.WINDOW_BUSY, d.windowCommand(CommandType.CLOSE_WINDOW, "north", "w1"));
        d.rejected(Result.WINDOW_BUSY, d.windowCommand(CommandType.BREAK_WINDOW, "north", "w1"));
        d.act(START_SERVICE, "north", "w1");
        d.act(COMPLETE_SERVICE, "north", "w1");
        d.act(CommandType.CLOSE_WINDOW, "north", "w1");
        assertEquals(StaffMode.OFF, d.state.staff(0).mode());
        assertEquals(-1, d.state.window(0, 0).staff());
    }

    @Test
    void ratingAttachesOnceToTheVisitAndToTheStaffMember()
    {
        final int a = d.issue("north", "passport");
        final int b = d.issue("north", "passport");
        d.open("north", "w1", "anna");
        d.serveNext("north", "w1");
        d.ok(d.windowCommand(CommandType.RATE, "north", "w1").score(4));
        assertEquals(EventType.RATED, d.lastEvent().type());
        assertEquals(a, d.lastEvent().ticket());
        assertEquals(4, d.ticket("north", a).rating());
        assertEquals(4, d.state.window(0, 0).lastRating());
        d.rejected(Result.ALREADY_RATED, d.windowCommand(CommandType.RATE, "north", "w1").score(5));
        d.rejected(Result.BAD_SCORE, d.windowCommand(CommandType.RATE, "north", "w1").score(6));
        d.callNext("north", "w1");
        d.ok(d.windowCommand(CommandType.RATE, "north", "w1").score(2));
        assertEquals(2, d.ticket("north", b).rating(), "the current visit is rated first");
        assertEquals(6, d.state.staff(0).ratingSum());
        assertEquals(2, d.state.staff(0).ratingCount());
        assertEquals(2, d.state.counters(0).ratingCount());
        d.rejected(Result.NOTHING_TO_RATE, d.windowCommand(CommandType.RATE, "north", "w2").score(3));
    }

    @Test
    void callTicketTakesAWaitingTicketOutOfOrder()
    {
        d.issue("north", "passport");
        final int second = d.issue("north", PriorityClass.ACCESSIBILITY, "tax");
        d.open("north", "w2", "anna");
        d.ok(d.windowCommand(CommandType.CALL_TICKET, "north", "w2").ticket(second));
        assertEquals("B001", TicketNumber.format(d.lastEvent().ticket()));
        assertEquals(1, d.state.counters(0).waiting());
    }
}

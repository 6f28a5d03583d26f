package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketState;
import okno.engine.api.TicketView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketIssueTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void numbersRunPerPrefixFromOneAndTakeTheFirstServicesLetter()
    {
        assertEquals("A001", TicketNumber.format(d.issue("north", "passport")));
        assertEquals("A002", TicketNumber.format(d.issue("north", "passport")));
        assertEquals("B001", TicketNumber.format(d.issue("north", "tax")));
        assertEquals("B002", TicketNumber.format(d.issue("north", "tax", "passport")));
        assertEquals("A001", TicketNumber.format(d.issue("south", "passport")), "serials are per centre");
    }

    @Test
    void theIssuingKioskTravelsToTicketIssuedAndChangesNoState()
    {
        final EngineDriver anonymous = new EngineDriver(TestNetworks.small());

        d.ok(d.issueCommand("north", PriorityClass.NORMAL, "passport").kiosk(2));
        anonymous.ok(anonymous.issueCommand("north", PriorityClass.NORMAL, "passport"));
        assertEquals(EventType.TICKET_ISSUED, d.lastEvent().type());
        assertEquals(2, d.lastEvent().kiosk());
        assertEquals(-1, anonymous.lastEvent().kiosk());

        d.ok(d.issueCommand("south", PriorityClass.NORMAL, "passport").kiosk(0).requestKey(9));
        anonymous.ok(anonymous.issueCommand("south", PriorityClass.NORMAL, "passport").requestKey(9));
        assertEquals(0, d.lastEvent().kiosk());
        final int eventsBefore = d.events.size();
        final Command retry = d.ok(d.issueCommand("south", PriorityClass.NORMAL, "passport").kiosk(1).requestKey(9));
        assertTrue(retry.duplicate);
        assertTrue(d.events.subList(eventsBefore, d.events.size()).stream()
            .noneMatch(e -> e.type() == EventType.TICKET_ISSUED), "a retry issues nothing, so nothing prints");
        anonymous.ok(anonymous.issueCommand("south", PriorityClass.NORMAL, "passport").requestKey(9));

        assertEquals(anonymous.state.stateHash(), d.state.stateHash(), "the kiosk is routing, not state");
        d.ok(d.command(CommandType.CANCEL_TICKET).centre("north").ticket("A001").kiosk(2));
        assertEquals(-1, d.lastEvent().kiosk(), "only TICKET_ISSUED carries the kiosk");
    }

    @Test
    void issueReportsPositionAndEtaFromWaitingLineAndOpenWindows()
    {
        d.issue("north", "passport");
        d.issue("north", PriorityClass.ACCESSIBILITY, "passport");
        final Command c = d.ok(d.issueCommand("north", PriorityClass.NORMAL, "passport"));
        assertEquals(3, c.resultPosition);
        assertEquals(EtaPredictor.UNKNOWN, c.resultEtaSeconds, "no passport window open: nobody can say, not 0 min");
        final var issued = d.lastEvent();
        assertEquals(EventType.TICKET_ISSUED, issued.type());
        assertEquals(3, issued.position());
        assertEquals(EtaPredictor.UNKNOWN, issued.etaSeconds());
        assertEquals(EtaPredictor.UNKNOWN, d.ticket("north", "A001").etaSeconds());

        d.open("north", "w1", "anna");
        d.open("north", "w3", "boris");
        final Command next = d.ok(d.issueCommand("north", PriorityClass.NORMAL, "passport"));
        assertEquals(4, next.resultPosition);
        assertEquals(3 * 600 / 2, next.resultEtaSeconds, "three ahead over two open passport windows");

        final TicketView view = d.ticket("north", "A002");
        assertEquals(TicketState.WAITING, view.state());
        assertEquals(2, view.position());
        assertEquals(600 / 2, view.etaSeconds());
        assertEquals(PriorityClass.ACCESSIBILITY.code(), view.priority());
    }

    @Test
    void sameRequestKeyReturnsTheOriginalTicketWithoutANewOne()
    {
        final Command first = d.ok(d.issueCommand("north", PriorityClass.NORMAL, "passport").requestKey(77));
        final int number = first.resultTicket;
        assertFalse(first.duplicate);
        d.advanceSeconds(5).tick();
        final int events = d.events.size();
        final long hash = d.state.stateHash();
        final Command again = d.ok(d.issueCommand("north", PriorityClass.NORMAL, "tax").requestKey(77));
        assertTrue(again.duplicate);
        assertEquals(number, again.resultTicket);
        assertEquals(1, again.resultPosition);
        assertEquals(events, d.events.size(), "no event for a duplicate");
        assertEquals(1, d.state.counters(0).issued());
        assertEquals(hash, d.state.stateHash(), "a duplicate changes nothing");

        final Command otherCentre = d.ok(d.issueCommand("south", PriorityClass.NORMAL, "passport").requestKey(77));
        assertFalse(otherCentre.duplicate, "request keys are per centre");

        d.open("north", "w1", "anna");
        d.callNext("north", "w1");
        final Command afterCall = d.ok(d.issueCommand("north", PriorityClass.NORMAL, "passport").requestKey(77));
        assertTrue(afterCall.duplicate);
        assertEquals(number, afterCall.resultTicket);
        assertEquals(-1, afterCall.resultPosition, "no longer waiting");
    }

    @Test
    void cancelTakesAWaitingTicketOutOfLine()
    {
        final int a = d.issue("north", "passport");
        final int b = d.issue("north", "passport");
        d.ok(d.command(CommandType.CANCEL_TICKET).centre("north").ticket(a));
        assertEquals(TicketState.CANCELLED, d.ticket("north", a).state());
        assertEquals(EventType.TICKET_CANCELLED, d.lastEvent().type());
        assertEquals(1, d.ticket("north", b).position());
        d.rejected(Result.TICKET_NOT_WAITING, d.command(CommandType.CANCEL_TICKET).centre("north").ticket(a));
        assertEquals(1, d.state.counters(0).cancelled());
    }

    @Test
    void centreClosedOutsideOpeningHoursAndOnClosedDays()
    {
        d.atMonday(7, 59);
        d.rejected(Result.CENTRE_CLOSED, d.issueCommand("north", PriorityClass.NORMAL, "passport"));
        d.atMonday(8, 0);
        d.issue("north", "passport");
        d.atMonday(20, 0);
        d.rejected(Result.CENTRE_CLOSED, d.issueCommand("north", PriorityClass.NORMAL, "passport"));
        d.at(TestNetworks.at(TestNetworks.MONDAY.plusDays(6), 12, 0));
        d.issue("north", "passport");
        d.rejected(Result.CENTRE_CLOSED, d.issueCommand("south", PriorityClass.NORMAL, "passport"));
    }

    @Test
    void queueListsWaitingTicketsOfAServiceOldestFirst()
    {
        final int a = d.issue("north", "tax", "passport");
        d.advanceSeconds(1);
        final int b = d.issue("north", PriorityClass.ACCESSIBILITY, "passport");
        d.advanceSeconds(1);
        final int c = d.issue("north", "passport");
        final var queue = d.state.queue(0, d.index.service("passport"));
        assertEquals(List.of(b, c), queue.stream().map(q -> q.ticket()).toList());
        assertEquals(1, d.state.queue(0, d.index.service("tax")).size());
        assertEquals(a, d.state.queue(0, d.index.service("tax")).get(0).ticket());
        final var summary = d.state.centreSummary(0);
        assertEquals(3, summary.waiting());
        assertEquals(3, summary.services().size(), "north offers passport, tax, benefit");
    }
}

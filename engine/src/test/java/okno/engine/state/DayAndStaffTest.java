package okno.engine.state;

import okno.engine.EngineDriver;
import okno.engine.RecordedEvent;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.api.StaffView;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayAndStaffTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void newLocalDayCancelsOpenTicketsClosesWindowsAndRestartsNumbers()
    {
        final int done = d.issue("north", "passport");
        final int serving = d.issue("north", "passport");
        final int called = d.issue("north", "passport");
        final int postponed = d.issue("north", "passport");
        final int waiting = d.ok(d.issueCommand("north", okno.config.PriorityClass.NORMAL, "passport")
            .requestKey(3)).resultTicket;
        d.open("north", "w1", "anna");
        d.open("north", "w3", "boris");
        d.serveNext("north", "w1");
        d.callNext("north", "w1");
        d.act(CommandType.START_SERVICE, "north", "w1");
        d.callNext("north", "w3");
        d.act(CommandType.POSTPONE, "north", "w3");
        d.callNext("north", "w3");
        assertEquals(TicketState.CALLED, d.ticket("north", postponed).state());
        d.act(CommandType.POSTPONE, "north", "w3");
        final int eventsBefore = d.events.size();

        d.atMonday(23, 59).tick();
        assertEquals(eventsBefore, d.events.size(), "still Monday");
        d.at(TestNetworks.at(TestNetworks.MONDAY.plusDays(1), 0, 0)).tick();
        final List<RecordedEvent> rollover = d.events.subList(eventsBefore, d.events.size());
        assertEquals(List.of(serving, called, postponed, waiting).size(),
            rollover.stream().filter(e -> e.type() == EventType.TICKET_CANCELLED && e.flag() == 1).count());
        assertEquals(2, rollover.stream().filter(e -> e.type() == EventType.WINDOW_CLOSED).count());
        assertEquals(EventType.DAY_STARTED, rollover.get(rollover.size() - 1).type());
        assertNull(d.ticket("north", done), "yesterday's tickets are gone");
        assertEquals(WindowMode.CLOSED, d.state.window(0, 0).mode());
        assertEquals(StaffMode.OFF, d.state.staff(0).mode());
        assertEquals(0, d.state.counters(0).issued());
        assertEquals(0, d.state.centreSummary(0).openWindows());

        d.at(TestNetworks.at(TestNetworks.MONDAY.plusDays(1), 8, 0));
        final var again = d.ok(d.issueCommand("north", okno.config.PriorityClass.NORMAL, "passport").requestKey(3));
        assertFalse(again.duplicate, "yesterday's request keys are forgotten");
        assertEquals("A001", TicketNumber.format(again.resultTicket));
    }

    @Test
    void commandsMayNotGoBackInTime()
    {
        d.atMonday(10, 0).tick();
        d.atMonday(9, 59);
        d.rejected(Result.TIME_WENT_BACKWARDS, d.issueCommand("north", okno.config.PriorityClass.NORMAL, "passport"));
        d.atMonday(10, 0);
        d.issue("north", "passport");
        d.issue("north", "passport");
    }

    @Test
    void assignedStaffTravelsArrivesOnStandbyAndOpensAWindowThere()
    {
        d.atMonday(9, 0);
        d.ok(d.command(CommandType.ASSIGN_STAFF).staff("anna").targetCentre("south"));
        final RecordedEvent moved = d.lastEvent();
        assertEquals(EventType.STAFF_MOVED, moved.type());
        // 0.1 degree of latitude = 11.12 km at 20 km/h = 33.4 minutes
        final long travelMs = moved.arrivalMs() - d.now();
        assertTrue(travelMs > 33 * 60_000L && travelMs < 34 * 60_000L, "travel " + travelMs);
        final StaffView travelling = d.state.staff(0);
        assertEquals(StaffMode.TRAVELLING, travelling.mode());
        assertEquals(1, travelling.targetCentre());
        d.rejected(Result.STAFF_TRAVELLING, d.windowCommand(CommandType.OPEN_WINDOW, "south", "w1").staff("anna"));
        d.rejected(Result.STAFF_TRAVELLING, d.command(CommandType.ASSIGN_STAFF).staff("anna").targetCentre("north"));

        d.at(moved.arrivalMs()).tick();
        assertEquals(EventType.STAFF_ARRIVED, d.events.get(d.events.size() - 1).type());
        assertEquals(moved.arrivalMs(), d.lastEvent().timestampMs());
        assertEquals(StaffMode.STANDBY, d.state.staff(0).mode());
        assertEquals(1, d.state.staff(0).centre());
        d.rejected(Result.STAFF_NOT_HERE, d.windowCommand(CommandType.OPEN_WINDOW, "north", "w1").staff("anna"));
        d.open("south", "w1", "anna");
        d.rejected(Result.STAFF_BUSY, d.command(CommandType.ASSIGN_STAFF).staff("anna").targetCentre("north"));
        d.rejected(Result.STAFF_ALREADY_THERE, d.command(CommandType.ASSIGN_STAFF).staff("gleb").targetCentre("south"));
    }

    @Test
    void arrivalFiresOnlyWhenALaterCommandCarriesTimePastIt()
    {
        d.atMonday(23, 50);
        d.ok(d.command(CommandType.ASSIGN_STAFF).staff("dina").targetCentre("north"));
        final long arrival = d.lastEvent().arrivalMs();
        d.at(TestNetworks.at(TestNetworks.MONDAY.plusDays(1), 0, 1)).tick();
        assertEquals(StaffMode.TRAVELLING, d.state.staff(4).mode(), "travellers keep travelling over midnight");
        d.at(arrival + 3_600_000L).tick();
        final List<RecordedEvent> arrived = d.eventsOf(EventType.STAFF_ARRIVED);
        assertEquals(1, arrived.size());
        assertEquals(arrival, arrived.get(0).timestampMs());
        assertEquals(0, d.state.staff(4).centre());
    }

    @Test
    void standbyFlagMovesIdleStaffBetweenOffAndStandby()
    {
        assertEquals(StaffMode.STANDBY, d.state.staff(4).mode(), "standby pool members start on standby");
        d.ok(d.command(CommandType.SET_STANDBY).staff("anna").flag(1));
        assertEquals(StaffMode.STANDBY, d.state.staff(0).mode());
        assertEquals(EventType.STAFF_STANDBY, d.lastEvent().type());
        assertEquals(1, d.lastEvent().flag());
        d.ok(d.command(CommandType.SET_STANDBY).staff("anna").flag(0));
        assertEquals(StaffMode.OFF, d.state.staff(0).mode());
        d.rejected(Result.BAD_FLAG, d.command(CommandType.SET_STANDBY).staff("anna").flag(2));
        d.open("north", "w1", "anna");
        d.rejected(Result.STAFF_BUSY, d.command(CommandType.SET_STANDBY).staff("anna").flag(1));
    }
}

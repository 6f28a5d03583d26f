package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.CommandBuilder;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.AppointmentState;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.SlotView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static okno.engine.TestNetworks.monday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppointmentTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    private CommandBuilder book(final String centre, final String service, final long slotMs)
    {
        return d.command(CommandType.BOOK_APPOINTMENT).centre(centre).services(service).slot(slotMs);
    }

    private CommandBuilder checkIn(final long code)
    {
        return d.command(CommandType.CHECK_IN).centre("north").appointment(code);
    }

    @Test
    void bookingGivesAnEightDigitCodeDrawnFromTheNetworkSeed()
    {
        final Command c = d.ok(book("north", "passport", monday(11, 0)));
        final long code = c.resultAppointmentCode;
        assertTrue(code >= 10_000_000L && code <= 99_999_999L, "code " + code);
        assertEquals(monday(11, 0), c.resultSlotMs);
        assertEquals(EventType.APPOINTMENT_BOOKED, d.lastEvent().type());
        assertEquals(code, d.lastEvent().appointmentCode());

        final EngineDriver again = new EngineDriver(TestNetworks.small());
        assertEquals(code, again.ok(new CommandBuilder(again.index, CommandType.BOOK_APPOINTMENT, d.now())
            .centre("north").services("passport").slot(monday(11, 0))).resultAppointmentCode, "deterministic");
        assertEquals(AppointmentState.ACTIVE, d.state.appointment(0, code).state());
    }

    @Test
    void capacityPerSlotIsTheAppointmentShareOfWindowCapacityAndCancelFreesIt()
    {
        // passport at north: 30 % x 3 windows x 15 min / 10 min = 1.35 -> 1 booking per slot
        final long code = d.ok(book("north", "passport", monday(11, 0))).resultAppointmentCode;
        d.rejected(Result.SLOT_FULL, book("north", "passport", monday(11, 0)));
        d.ok(book("north", "passport", monday(11, 15)));
        d.ok(d.command(CommandType.CANCEL_APPOINTMENT).centre("north").appointment(code));
        assertEquals(EventType.APPOINTMENT_CANCELLED, d.lastEvent().type());
        d.rejected(Result.APPOINTMENT_NOT_ACTIVE, d.command(CommandType.CANCEL_APPOINTMENT).centre("north")
            .appointment(code));
        d.ok(book("north", "passport", monday(11, 0)));
    }

    @Test
    void slotsMustStartOnTheGridWithinOpeningHoursAndNotInThePast()
    {
        d.rejected(Result.BAD_SLOT, book("north", "passport", monday(11, 7)));
        d.rejected(Result.BAD_SLOT, book("north", "passport", monday(11, 0) + 1));
        d.rejected(Result.BAD_SLOT, book("north", "passport", monday(19, 50)));
        d.rejected(Result.BAD_SLOT, book("north", "passport", monday(7, 45)));
        d.rejected(Result.BAD_SLOT, book("south", "licence", TestNetworks.at(TestNetworks.MONDAY.plusDays(6), 10, 0)));
        d.rejected(Result.SLOT_IN_PAST, book("north", "passport", monday(8, 45)));
        d.rejected(Result.PRIORITY_NOT_ALLOWED, book("north", "tax", monday(11, 0)));
        d.rejected(Result.SERVICE_NOT_OFFERED, book("north", "licence", monday(11, 0)));
        d.ok(book("north", "passport", monday(19, 45)));
    }

    @Test
    void freeSlotsListsFutureSlotsWithRoomLeft()
    {
        d.ok(book("north", "passport", monday(11, 0)));
        final List<SlotView> slots = d.state.freeSlots(0, d.index.service("passport"), TestNetworks.MONDAY.toEpochDay());
        // 09:00 .. 19:45 = 44 slots, minus the full 11:00
        assertEquals(43, slots.size());
        assertEquals(monday(9, 0), slots.get(0).slotMs());
        assertFalse(slots.stream().anyMatch(s -> s.slotMs() == monday(11, 0)));
        assertEquals(1, slots.get(0).free());
        assertTrue(d.state.freeSlots(0, d.index.service("tax"), TestNetworks.MONDAY.toEpochDay()).isEmpty());
    }

    @Test
    void checkInOnTimeGivesAnAppointmentTicketLateANormalOneEarlyNone()
    {
        final long onTime = d.ok(book("north", "passport", monday(11, 0))).resultAppointmentCode;
        final long late = d.ok(book("north", "passport", monday(11, 15))).resultAppointmentCode;
        d.atMonday(9, 59);
        d.rejected(Result.CHECK_IN_TOO_EARLY, checkIn(onTime));
        d.atMonday(10, 0);
        final Command ticket = d.ok(checkIn(onTime).requestKey(5).kiosk(1));
        assertEquals(PriorityClass.APPOINTMENT.code(), d.ticket("north", ticket.resultTicket).priority());
        assertEquals(onTime, d.ticket("north", ticket.resultTicket).appointmentCode());
        assertEquals(monday(11, 0), ticket.resultSlotMs);
        assertEquals(EventType.TICKET_ISSUED, d.lastEvent().type());
        assertEquals(1, d.lastEvent().kiosk(), "the check-in kiosk prints the appointment ticket");
        assertEquals(EventType.CHECKED_IN, d.events.get(d.events.size() - 2).type());
        final int number = ticket.resultTicket;
        final Command retry = d.ok(checkIn(onTime).requestKey(5));
        assertTrue(retry.duplicate);
        assertEquals(number, retry.resultTicket);
        d.rejected(Result.APPOINTMENT_NOT_ACTIVE, checkIn(onTime));
        assertEquals(AppointmentState.USED, d.state.appointment(0, onTime).state());

        d.atMonday(11, 35);
        d.atMonday(11, 36);
        final int lateTicket = d.ok(checkIn(late)).resultTicket;
        assertEquals(PriorityClass.NORMAL.code(), d.ticket("north", lateTicket).priority());
        d.rejected(Result.UNKNOWN_APPOINTMENT, checkIn(12345678L));
        d.rejected(Result.UNKNOWN_APPOINTMENT, d.command(CommandType.CHECK_IN).centre("south").appointment(late));
    }

    @Test
    void appointmentAndAccessibilityTicketsAreCalledAlikeByIssueTime()
    {
        final long code = d.ok(book("north", "passport", monday(11, 0))).resultAppointmentCode;
        d.atMonday(10, 30);
        final int normal = d.issue("north", "passport");
        final int accessibility = d.issue("north", PriorityClass.ACCESSIBILITY, "passport");
        d.advanceMinutes(1);
        final int appointment = d.ok(checkIn(code)).resultTicket;
        d.advanceMinutes(1);
        final int accessibility2 = d.issue("north", PriorityClass.ACCESSIBILITY, "passport");
        d.open("north", "w1", "anna");
        assertEquals(accessibility, d.serveNext("north", "w1"));
        assertEquals(appointment, d.serveNext("north", "w1"));
        assertEquals(normal, d.serveNext("north", "w1"), "quota of 2 reached");
        assertEquals(accessibility2, d.serveNext("north", "w1"));
    }

    @Test
    void bookingRequestKeyReturnsTheOriginalAppointment()
    {
        final Command first = d.ok(book("north", "passport", monday(11, 0)).requestKey(9));
        final long code = first.resultAppointmentCode;
        final int events = d.events.size();
        final Command again = d.ok(book("north", "passport", monday(12, 0)).requestKey(9));
        assertTrue(again.duplicate);
        assertEquals(code, again.resultAppointmentCode);
        assertEquals(monday(11, 0), again.resultSlotMs);
        assertEquals(events, d.events.size());
    }
}

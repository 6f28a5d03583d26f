package okno.protocol.api;

import okno.engine.api.Command;
import okno.engine.api.Result;

/** Immutable copy of a command's result fields, taken on the publisher thread. */
record CommandOutcome(Result result, boolean duplicate, int ticket, int position, int etaSeconds,
    long appointmentCode, long slotMs)
{
    static CommandOutcome of(final Command slot)
    {
        return new CommandOutcome(slot.result, slot.duplicate, slot.resultTicket, slot.resultPosition,
            slot.resultEtaSeconds, slot.resultAppointmentCode, slot.resultSlotMs);
    }
}

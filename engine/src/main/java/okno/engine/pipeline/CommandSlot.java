package okno.engine.pipeline;

import okno.engine.api.Command;
import okno.engine.api.Result;

/**
 * One preallocated ring entry: the command, the events its application produced and where to send the reply.
 * Fields are written by one stage and read by later ones; the Disruptor's sequences order those accesses.
 */
final class CommandSlot
{
    final Command command = new Command();
    /** Events of the command on their way to the publisher thread; unused (empty) with fused stages. */
    final EventBuffer events;
    /** Set at ingress. */
    ReplyListener listener;
    /** Set at ingress. */
    long correlation;
    /** Set at ingress when the slot carries no valid command: no stage but the publisher looks at it. */
    boolean rejectedAtIngress;
    /** Set by the journaler: journal sequence of the command, for mutating commands. */
    long journalSeq;
    /** Set by the journaler when the document is written: queue index of the document holding the command. */
    long journalIndex;

    /** @param eventCapacity events preallocated for the command (0 when the stages do not carry them) */
    CommandSlot(final int eventCapacity)
    {
        events = new EventBuffer(eventCapacity);
    }

    /** Prepares the slot for a new command; called by the producer that claimed it. */
    Command reset(final ReplyListener listener, final long correlation)
    {
        this.listener = listener;
        this.correlation = correlation;
        rejectedAtIngress = false;
        journalSeq = 0;
        journalIndex = -1;
        events.clear();
        return command.clear();
    }

    /** Marks the slot as refused before entering the engine. */
    void rejectAtIngress()
    {
        rejectedAtIngress = true;
        command.result = Result.UNKNOWN_COMMAND;
    }

    /** @return whether the journaler must record this slot. */
    boolean journaled()
    {
        return !rejectedAtIngress && command.type.mutates();
    }
}

package okno.engine.pipeline;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StateMachine;
import okno.engine.api.TicketNumber;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A small deterministic state machine for pipeline tests: each centre issues sequential ticket numbers for
 * {@link CommandType#ISSUE_TICKET}, a repeated request key gets its original ticket back, unknown centres
 * and time running backwards are rejected, and {@link CommandType#QUERY} runs against it as the view.
 */
public final class CountingStateMachine implements StateMachine
{
    private static final long MISSING = -1;

    private final EngineEvent event = new EngineEvent();
    private int[] issued;
    private Long2LongHashMap ticketByRequest = new Long2LongHashMap(MISSING);
    private long lastTimestampMs;
    private int snapshotFormat = 1;

    /** @param centres number of centres, indexes 0 .. centres - 1 */
    public CountingStateMachine(final int centres)
    {
        issued = new int[centres];
    }

    @Override
    public void apply(final Command command, final EventListener events)
    {
        if (command.timestampMs < lastTimestampMs)
        {
            reject(command, Result.TIME_WENT_BACKWARDS, events);
            return;
        }
        if (command.type == CommandType.QUERY)
        {
            command.query.read(null); // the toy has no view; queries read the machine itself
            command.result = Result.OK;
            return;
        }
        if (command.type != CommandType.ISSUE_TICKET)
        {
            reject(command, Result.UNKNOWN_COMMAND, events);
            return;
        }
        if (command.centre < 0 || command.centre >= issued.length)
        {
            reject(command, Result.UNKNOWN_CENTRE, events);
            return;
        }
        lastTimestampMs = command.timestampMs;
        final long earlier = command.requestKey == 0 ? MISSING : ticketByRequest.get(command.requestKey);
        command.result = Result.OK;
        if (earlier != MISSING)
        {
            command.duplicate = true;
            command.resultTicket = (int)earlier;
            return;
        }
        final int ticket = TicketNumber.encode('A', ++issued[command.centre]);
        if (command.requestKey != 0)
        {
            ticketByRequest.put(command.requestKey, ((long)command.centre << 32) | (ticket & 0xFFFF_FFFFL));
        }
        command.resultTicket = ticket;
        command.resultPosition = issued[command.centre];
        final EngineEvent e = event.reset(EventType.TICKET_ISSUED, command.timestampMs);
        e.centre = command.centre;
        e.ticket = ticket;
        events.onEvent(e);
    }

    /** @return tickets issued so far at a centre. */
    public int issued(final int centre)
    {
        return issued[centre];
    }

    /** @return the ticket a request key got, or -1. */
    public int ticketFor(final long requestKey)
    {
        final long value = ticketByRequest.get(requestKey);
        return value == MISSING ? -1 : (int)value;
    }

    /** @return the centre a request key got its ticket at, or -1. */
    public int centreFor(final long requestKey)
    {
        final long value = ticketByRequest.get(requestKey);
        return value == MISSING ? -1 : (int)(value >>> 32);
    }

    /** @return request keys with a ticket. */
    public long[] requestKeys()
    {
        final long[] keys = new long[ticketByRequest.size()];
        final Long2LongHashMap.KeyIterator it = ticketByRequest.keySet().iterator();
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = it.nextValue();
        }
        Arrays.sort(keys);
        return keys;
    }

    @Override
    public long stateHash()
    {
        long hash = issued.length;
        for (final int count : issued)
        {
            hash = hash * 31 + count;
        }
        hash = hash * 31 + lastTimestampMs;
        long entries = 0;
        final Long2LongHashMap.EntryIterator it = ticketByRequest.entrySet().iterator();
        while (it.hasNext())
        {
            it.next();
            entries += mix(it.getLongKey() * 0x9E3779B97F4A7C15L + it.getLongValue());
        }
        return hash * 31 + entries;
    }

    /** Makes this a state machine of another snapshot format (an older or newer okno), for recovery tests. */
    public CountingStateMachine withSnapshotFormat(final int format)
    {
        snapshotFormat = format;
        return this;
    }

    @Override
    public int snapshotFormat()
    {
        return snapshotFormat;
    }

    @Override
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(issued.length);
        for (final int count : issued)
        {
            out.writeInt(count);
        }
        out.writeLong(lastTimestampMs);
        final long[] keys = requestKeys();
        out.writeInt(keys.length);
        for (final long key : keys)
        {
            out.writeLong(key);
            out.writeLong(ticketByRequest.get(key));
        }
    }

    @Override
    public void readSnapshot(final DataInput in) throws IOException
    {
        final int[] counts = new int[in.readInt()];
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] = in.readInt();
        }
        final long timestamp = in.readLong();
        final int size = in.readInt();
        final Long2LongHashMap map = new Long2LongHashMap(MISSING);
        for (int i = 0; i < size; i++)
        {
            map.put(in.readLong(), in.readLong());
        }
        issued = counts;
        lastTimestampMs = timestamp;
        ticketByRequest = map;
    }

    private void reject(final Command command, final Result reason, final EventListener events)
    {
        command.result = reason;
        final EngineEvent e = event.reset(EventType.REJECTED, command.timestampMs);
        e.centre = command.centre;
        e.reason = reason;
        e.rejectedCommand = command.type;
        events.onEvent(e);
    }

    private static long mix(final long value)
    {
        long x = value;
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return x ^ (x >>> 33);
    }
}

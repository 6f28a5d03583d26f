package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.StaffMode;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * State hash and snapshot of a {@link NetworkState}. Both cover the same fields: time and timers, every
 * centre's tickets (with their line links), lines, windows, dedup tables, serials and counters, staff,
 * appointments with the code generator's state, the ETA estimates, KPIs, load schedule and balancer. Derived
 * indexes (number to ticket, per-state counts, open windows per service) are rebuilt on read and left out of
 * the hash.
 *
 * <pre>
 * Snapshot layout (DataOutput, big-endian):
 *   int MAGIC, int VERSION, int centres, int services, int staff
 *   long nowMs, long day, long nextArrivalMs
 *   per centre:  int ticketCount, tickets..., lines..., windows..., dedup maps, serials[26], counters
 *   per staff:   byte mode, int centre, int window, int targetCentre, long arrivalMs, long ratingSum, int ratingCount
 *   appointments, ETA estimates, KPIs, load schedule, balancer (VERSION 3: balancer overload clocks; VERSION 4:
 *   the line each proposal is for; VERSION 5: each centre's queue growth)
 * </pre>
 */
final class StateCodec
{
    private static final int MAGIC = 0x4F4B4E4F;
    /** The snapshot format: bump it whenever the layout or the state hash changes (see StateMachine). */
    static final int VERSION = 5;

    private StateCodec()
    {
    }

    static long hash(final NetworkState state)
    {
        final StateHasher h = new StateHasher();
        h.add(state.nowMs).add(state.day).add(state.nextArrivalMs);
        for (final CentreState centre : state.centres)
        {
            hashCentre(h, centre);
        }
        for (final StaffState s : state.staff)
        {
            h.add(s.mode.code()).add(s.centre).add(s.window).add(s.targetCentre).add(s.arrivalMs)
                .add(s.ratingSum).add(s.ratingCount);
        }
        state.appointments.hashInto(h);
        state.eta.hashInto(h);
        state.kpis.hashInto(h::add);
        state.schedule.hashInto(h::add);
        state.balancing.balancer.hashInto(h::add);
        return h.value();
    }

    private static void hashCentre(final StateHasher h, final CentreState centre)
    {
        final TicketTable tickets = centre.tickets;
        h.add(tickets.count());
        for (int t = 0; t < tickets.count(); t++)
        {
            h.add(tickets.number(t)).add(tickets.priority(t)).add(tickets.serviceCount(t));
            for (int s = 0; s < tickets.serviceCount(t); s++)
            {
                h.add(tickets.service(t, s));
            }
            h.add(tickets.step(t)).add(tickets.issuedMs(t)).add(tickets.state(t).code()).add(tickets.callCount(t))
                .add(tickets.window(t)).add(tickets.targetWindow(t)).add(tickets.calledMs(t))
                .add(tickets.serviceStartMs(t)).add(tickets.everCalled(t)).add(tickets.rating(t))
                .add(tickets.appointmentCode(t)).add(tickets.line(t)).add(tickets.prev(t)).add(tickets.next(t));
        }
        for (final WindowState w : centre.windows)
        {
            h.add(w.mode.code()).add(w.staff).add(w.current).add(w.last)
                .add(centre.lines.size(centre.transferLine(w.index)));
        }
        h.add(mapHash(centre.ticketByRequest)).add(centre.ticketByRequest.size());
        h.add(mapHash(centre.appointmentByRequest)).add(centre.appointmentByRequest.size());
        for (final int serial : centre.serials)
        {
            h.add(serial);
        }
        h.add(centre.consecutivePriorityCalls).add(centre.servicesCompleted).add(centre.waitSumMs)
            .add(centre.waitCount).add(centre.maxWaitMs).add(centre.ratingSum).add(centre.ratingCount);
    }

    private static long mapHash(final Long2LongHashMap map)
    {
        long sum = 0;
        final Long2LongHashMap.EntryIterator it = map.entrySet().iterator();
        while (it.hasNext())
        {
            it.next();
            sum += StateHasher.entry(it.getLongKey(), it.getLongValue());
        }
        return sum;
    }

    static void write(final NetworkState state, final DataOutput out) throws IOException
    {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(state.centres.length);
        out.writeInt(state.serviceCount);
        out.writeInt(state.staff.length);
        out.writeLong(state.nowMs);
        out.writeLong(state.day);
        out.writeLong(state.nextArrivalMs);
        for (final CentreState centre : state.centres)
        {
            writeCentre(centre, out);
        }
        for (final StaffState s : state.staff)
        {
            out.writeByte(s.mode.code());
            out.writeInt(s.centre);
            out.writeInt(s.window);
            out.writeInt(s.targetCentre);
            out.writeLong(s.arrivalMs);
            out.writeLong(s.ratingSum);
            out.writeInt(s.ratingCount);
        }
        state.appointments.write(out);
        state.eta.write(out);
        state.kpis.write(out);
        state.schedule.write(out);
        state.balancing.balancer.write(out);
    }

    private static void writeCentre(final CentreState centre, final DataOutput out) throws IOException
    {
        final TicketTable tickets = centre.tickets;
        out.writeInt(tickets.count());
        for (int t = 0; t < tickets.count(); t++)
        {
            out.writeInt(tickets.number(t));
            out.writeByte(tickets.priority(t));
            out.writeByte(tickets.serviceCount(t));
            for (int s = 0; s < tickets.serviceCount(t); s++)
            {
                out.writeInt(tickets.service(t, s));
            }
            out.writeByte(tickets.step(t));
            out.writeLong(tickets.issuedMs(t));
            out.writeByte(tickets.state(t).code());
            out.writeInt(tickets.callCount(t));
            out.writeInt(tickets.window(t));
            out.writeInt(tickets.targetWindow(t));
            out.writeLong(tickets.calledMs(t));
            out.writeLong(tickets.serviceStartMs(t));
            out.writeBoolean(tickets.everCalled(t));
            out.writeByte(tickets.rating(t));
            out.writeLong(tickets.appointmentCode(t));
        }
        for (int line = 0; line < centre.lines.serviceLines(); line++)
        {
            writeLine(centre, line, out);
        }
        for (final WindowState w : centre.windows)
        {
            writeLine(centre, centre.transferLine(w.index), out);
            out.writeByte(w.mode.code());
            out.writeInt(w.staff);
            out.writeInt(w.current);
            out.writeInt(w.last);
        }
        writeMap(centre.ticketByRequest, out);
        writeMap(centre.appointmentByRequest, out);
        for (final int serial : centre.serials)
        {
            out.writeInt(serial);
        }
        out.writeInt(centre.consecutivePriorityCalls);
        out.writeInt(centre.servicesCompleted);
        out.writeLong(centre.waitSumMs);
        out.writeInt(centre.waitCount);
        out.writeLong(centre.maxWaitMs);
        out.writeLong(centre.ratingSum);
        out.writeInt(centre.ratingCount);
    }

    private static void writeLine(final CentreState centre, final int line, final DataOutput out) throws IOException
    {
        out.writeInt(centre.lines.size(line));
        for (int t = centre.lines.head(line); t != TicketTable.NONE; t = centre.tickets.next(t))
        {
            out.writeInt(t);
        }
    }

    /** Writes entries sorted by key so equal states give equal bytes. */
    private static void writeMap(final Long2LongHashMap map, final DataOutput out) throws IOException
    {
        final long[] keys = new long[map.size()];
        int n = 0;
        final Long2LongHashMap.KeyIterator it = map.keySet().iterator();
        while (it.hasNext())
        {
            keys[n++] = it.nextValue();
        }
        Arrays.sort(keys);
        out.writeInt(keys.length);
        for (final long key : keys)
        {
            out.writeLong(key);
            out.writeLong(map.get(key));
        }
    }

    static void read(final NetworkState state, final DataInput in) throws IOException
    {
        if (in.readInt() != MAGIC || in.readInt() != VERSION)
        {
            throw new IOException("not an okno engine snapshot of version " + VERSION);
        }
        final int centres = in.readInt();
        final int services = in.readInt();
        final int staff = in.readInt();
        if (centres != state.centres.length || services != state.serviceCount || staff != state.staff.length)
        {
            throw new IOException("snapshot is of another network: " + centres + " centres, " + services
                + " services, " + staff + " staff");
        }
        state.nowMs = in.readLong();
        state.day = in.readLong();
        state.nextArrivalMs = in.readLong();
        for (final CentreState centre : state.centres)
        {
            readCentre(centre, state.staff, state.calendar.dayStartMs(state.day), in);
        }
        for (final StaffState s : state.staff)
        {
            s.mode = StaffMode.fromCode(in.readByte());
            s.centre = in.readInt();
            s.window = in.readInt();
            s.targetCentre = in.readInt();
            s.arrivalMs = in.readLong();
            s.ratingSum = in.readLong();
            s.ratingCount = in.readInt();
        }
        state.appointments.read(in);
        state.eta.read(in);
        state.kpis.read(in);
        state.schedule.read(in);
        state.balancing.balancer.read(in);
    }

    private static void readCentre(final CentreState centre, final StaffState[] staff, final long dayStartMs,
        final DataInput in) throws IOException
    {
        centre.startDay(dayStartMs);
        centre.openWindows = 0;
        final int count = in.readInt();
        final int[] services = new int[Command.MAX_SERVICES];
        for (int i = 0; i < count; i++)
        {
            final int number = in.readInt();
            final int priority = in.readByte();
            final int serviceCount = in.readByte();
            for (int s = 0; s < serviceCount; s++)
            {
                services[s] = in.readInt();
            }
            final int step = in.readByte();
            final long issuedMs = in.readLong();
            final TicketState state = TicketState.fromCode(in.readByte());
            final int callCount = in.readInt();
            final int window = in.readInt();
            final int targetWindow = in.readInt();
            final long calledMs = in.readLong();
            final long serviceStartMs = in.readLong();
            final boolean everCalled = in.readBoolean();
            final int rating = in.readByte();
            final long appointmentCode = in.readLong();
            final int t = centre.tickets.restore(number, priority, services, serviceCount, step, issuedMs, callCount,
                window, targetWindow, calledMs, serviceStartMs, everCalled, rating, appointmentCode);
            centre.setState(t, state);
            centre.ticketByNumber.put(number, t);
        }
        for (int line = 0; line < centre.lines.serviceLines(); line++)
        {
            readLine(centre, line, in);
        }
        for (final WindowState w : centre.windows)
        {
            readLine(centre, centre.transferLine(w.index), in);
            w.setMode(WindowMode.fromCode(in.readByte()));
            w.staff = in.readInt();
            w.setCurrent(in.readInt());
            w.last = in.readInt();
            if (w.mode != WindowMode.CLOSED)
            {
                if (w.staff < 0 || w.staff >= staff.length)
                {
                    throw new IOException("window " + w.index + " of centre " + centre.index + " has no staff member "
                        + w.staff);
                }
                centre.seat(w, staff[w.staff]);
            }
            if (w.mode == WindowMode.OPEN)
            {
                centre.openWindows++;
                centre.load.windowOpened(w.index, 1);
            }
        }
        readMap(centre.ticketByRequest, in);
        readMap(centre.appointmentByRequest, in);
        for (int i = 0; i < centre.serials.length; i++)
        {
            centre.serials[i] = in.readInt();
        }
        centre.consecutivePriorityCalls = in.readInt();
        centre.servicesCompleted = in.readInt();
        centre.waitSumMs = in.readLong();
        centre.waitCount = in.readInt();
        centre.maxWaitMs = in.readLong();
        centre.ratingSum = in.readLong();
        centre.ratingCount = in.readInt();
    }

    private static void readLine(final CentreState centre, final int line, final DataInput in) throws IOException
    {
        final int size = in.readInt();
        for (int i = 0; i < size; i++)
        {
            centre.lines.insert(line, in.readInt());
        }
    }

    private static void readMap(final Long2LongHashMap map, final DataInput in) throws IOException
    {
        map.clear();
        final int size = in.readInt();
        for (int i = 0; i < size; i++)
        {
            final long key = in.readLong();
            map.put(key, in.readLong());
        }
    }
}

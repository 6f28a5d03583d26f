package okno.engine.state;

import okno.engine.api.AppointmentState;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * All booked appointments of the network, in parallel arrays with a free list (no object per booking), the
 * booking count of every (centre, service, slot), and the SplitMix64 stream that draws the 8-digit codes.
 * Codes are unique network-wide among stored appointments. Appointments whose slot day has passed are dropped
 * at day start.
 */
final class Appointments
{
    private static final long CODE_BASE = 10_000_000L;
    private static final long CODE_RANGE = 90_000_000L;

    private final int centreCount;
    private final int serviceCount;
    private final SplitMix64 random;
    private final Long2LongHashMap indexByCode = new Long2LongHashMap(-1);
    private final Long2LongHashMap bookedBySlot = new Long2LongHashMap(0);
    private final LongArrayList scratch = new LongArrayList();

    private long[] codes = new long[16];
    private int[] centres = new int[16];
    private int[] services = new int[16];
    private long[] slots = new long[16];
    private AppointmentState[] states = new AppointmentState[16];
    private int[] nextFree = new int[16];
    private int freeHead = -1;
    private int highWater;

    Appointments(final long seed, final int centreCount, final int serviceCount)
    {
        this.random = new SplitMix64(seed);
        this.centreCount = centreCount;
        this.serviceCount = serviceCount;
    }

    /** @return storage index of the appointment with that code, or -1. */
    int find(final long code)
    {
        return (int)indexByCode.get(code);
    }

    long code(final int i)
    {
        return codes[i];
    }

    int centre(final int i)
    {
        return centres[i];
    }

    int service(final int i)
    {
        return services[i];
    }

    long slotMs(final int i)
    {
        return slots[i];
    }

    AppointmentState state(final int i)
    {
        return states[i];
    }

    /** @return bookings (active or used) of a slot. */
    int booked(final int centre, final int service, final long slotMs)
    {
        return (int)bookedBySlot.get(slotKey(centre, service, slotMs));
    }

    /** Books a slot; the caller has checked capacity. @return storage index of the new appointment. */
    int book(final int centre, final int service, final long slotMs)
    {
        long code;
        do
        {
            code = CODE_BASE + Math.floorMod(random.next(), CODE_RANGE);
        }
        while (indexByCode.containsKey(code));
        final int i = store(code, centre, service, slotMs, AppointmentState.ACTIVE);
        final long key = slotKey(centre, service, slotMs);
        bookedBySlot.put(key, bookedBySlot.get(key) + 1);
        return i;
    }

    /** Cancels an active appointment and frees its place in the slot. */
    void cancel(final int i)
    {
        states[i] = AppointmentState.CANCELLED;
        final long key = slotKey(centres[i], services[i], slots[i]);
        final long left = bookedBySlot.get(key) - 1;
        if (left == 0)
        {
            bookedBySlot.remove(key);
        }
        else
        {
            bookedBySlot.put(key, left);
        }
    }

    /** Marks an active appointment as checked in (its place stays taken). */
    void use(final int i)
    {
        states[i] = AppointmentState.USED;
    }

    /** Drops appointments and slot counts of slots before {@code dayStartMs}. */
    void dropBefore(final long dayStartMs)
    {
        for (int i = 0; i < highWater; i++)
        {
            if (states[i] != null && slots[i] < dayStartMs)
            {
                indexByCode.remove(codes[i]);
                states[i] = null;
                nextFree[i] = freeHead;
                freeHead = i;
            }
        }
        scratch.clear();
        final Long2LongHashMap.KeyIterator keys = bookedBySlot.keySet().iterator();
        while (keys.hasNext())
        {
            final long key = keys.nextValue();
            if (slotOf(key) < dayStartMs)
            {
                scratch.addLong(key);
            }
        }
        for (int i = 0; i < scratch.size(); i++)
        {
            bookedBySlot.remove(scratch.getLong(i));
        }
    }

    private int store(final long code, final int centre, final int service, final long slotMs,
        final AppointmentState state)
    {
        final int i;
        if (freeHead >= 0)
        {
            i = freeHead;
            freeHead = nextFree[i];
        }
        else
        {
            if (highWater == codes.length)
            {
                grow();
            }
            i = highWater++;
        }
        codes[i] = code;
        centres[i] = centre;
        services[i] = service;
        slots[i] = slotMs;
        states[i] = state;
        indexByCode.put(code, i);
        return i;
    }

    private void grow()
    {
        final int n = codes.length * 2;
        codes = Arrays.copyOf(codes, n);
        centres = Arrays.copyOf(centres, n);
        services = Arrays.copyOf(services, n);
        slots = Arrays.copyOf(slots, n);
        states = Arrays.copyOf(states, n);
        nextFree = Arrays.copyOf(nextFree, n);
    }

    private long slotKey(final int centre, final int service, final long slotMs)
    {
        return (Math.floorDiv(slotMs, DayCalendar.MINUTE_MS) * centreCount + centre) * serviceCount + service;
    }

    private long slotOf(final long key)
    {
        return Math.floorDiv(key, (long)centreCount * serviceCount) * DayCalendar.MINUTE_MS;
    }

    /** @return codes of stored appointments in ascending order (snapshots, hashes, queries). */
    long[] sortedCodes()
    {
        final long[] sorted = new long[indexByCode.size()];
        int n = 0;
        for (int i = 0; i < highWater; i++)
        {
            if (states[i] != null)
            {
                sorted[n++] = codes[i];
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    void hashInto(final StateHasher hasher)
    {
        hasher.add(random.state());
        long sum = 0;
        for (int i = 0; i < highWater; i++)
        {
            if (states[i] != null)
            {
                sum += StateHasher.entry(codes[i], SplitMix64.mix(centres[i] * 31L + services[i])
                    ^ SplitMix64.mix(slots[i]) ^ states[i].code());
            }
        }
        hasher.add(sum);
        long slotSum = 0;
        final Long2LongHashMap.EntryIterator entries = bookedBySlot.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            slotSum += StateHasher.entry(entries.getLongKey(), entries.getLongValue());
        }
        hasher.add(slotSum).add(bookedBySlot.size());
    }

    void write(final DataOutput out) throws IOException
    {
        out.writeLong(random.state());
        final long[] sorted = sortedCodes();
        out.writeInt(sorted.length);
        for (final long code : sorted)
        {
            final int i = find(code);
            out.writeLong(code);
            out.writeInt(centres[i]);
            out.writeInt(services[i]);
            out.writeLong(slots[i]);
            out.writeByte(states[i].code());
        }
        final long[] keys = sortedKeys();
        out.writeInt(keys.length);
        for (final long key : keys)
        {
            out.writeLong(key);
            out.writeLong(bookedBySlot.get(key));
        }
    }

    private long[] sortedKeys()
    {
        final long[] keys = new long[bookedBySlot.size()];
        int n = 0;
        final Long2LongHashMap.KeyIterator it = bookedBySlot.keySet().iterator();
        while (it.hasNext())
        {
            keys[n++] = it.nextValue();
        }
        Arrays.sort(keys);
        return keys;
    }

    void read(final DataInput in) throws IOException
    {
        random.state(in.readLong());
        indexByCode.clear();
        bookedBySlot.clear();
        Arrays.fill(states, null);
        freeHead = -1;
        highWater = 0;
        final int count = in.readInt();
        for (int n = 0; n < count; n++)
        {
            final long code = in.readLong();
            final int centre = in.readInt();
            final int service = in.readInt();
            final long slotMs = in.readLong();
            store(code, centre, service, slotMs, AppointmentState.fromCode(in.readByte()));
        }
        final int slotCount = in.readInt();
        for (int n = 0; n < slotCount; n++)
        {
            final long key = in.readLong();
            bookedBySlot.put(key, in.readLong());
        }
    }
}

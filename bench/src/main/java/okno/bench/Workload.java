package okno.bench;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.PriorityClass;
import okno.config.StaffDef;
import okno.config.WindowDef;
import okno.engine.api.Command;
import okno.engine.api.CommandType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic day of commands in preallocated {@link Command} slots, replayed week after week in steady
 * state. At the opening minute every window that has a home staff member opens; each open window then gets
 * {@value #BACKLOG} waiting tickets; after that the day is a round robin over the open windows (seeded order)
 * where step k issues a ticket for a service of window k and calls the next ticket there, starts the service at
 * window k-1 and completes it at window k-2. Every call therefore finds a ticket, queues stay bounded and time
 * advances evenly through the hours all chosen centres are open on Monday. Each pass of the stream moves the
 * timestamps one week on, so the engine starts a new day (and reuses its pools) at every pass.
 *
 * <p>The day is kept packed (20 bytes a command) and decoded into a small ring of reused {@link Command} slots, as
 * commands reach the engine through the pipeline's ring: a day of ~300,000 command objects (57 MB on
 * {@code moscow}) would stream through the caches beside the engine's state and measure the harness, not the engine.
 *
 * <p>Not thread-safe: one producer (or one benchmark thread) per instance.
 */
public final class Workload
{
    /** Waiting tickets per open window before the round robin starts. */
    public static final int BACKLOG = 2;
    /** One week: the stream keeps the weekday and so the opening hours. */
    public static final long WEEK_MS = 7 * 24 * 3_600_000L;
    /** Monday 2025-03-03, the first day of the stream. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);

    /** Reused command slots: a consumer must be done with a slot within this many further commands. */
    public static final int SLOTS = 8192;

    private static final CommandType[] TYPES = {CommandType.OPEN_WINDOW, CommandType.ISSUE_TICKET,
        CommandType.CALL_NEXT, CommandType.START_SERVICE, CommandType.COMPLETE_SERVICE};

    /** Per command: type (index into TYPES), centre, window and staff, each stored plus one so -1 fits. */
    private final long[] packed;
    /** Per command: the issued ticket's service plus one (0: none) and its priority class code. */
    private final int[] serviceAndPriority;
    private final long[] baseTimesMs;
    private final Command[] slots = new Command[SLOTS];
    private long shiftMs;
    /** Index in the day of the next command. */
    private int next;
    /** Slot of the next command: runs on across passes, so a slot is reused only after {@link #SLOTS} commands. */
    private int nextSlot;

    private Workload(final List<Command> commands)
    {
        packed = new long[commands.size()];
        serviceAndPriority = new int[commands.size()];
        baseTimesMs = new long[commands.size()];
        for (int i = 0; i < packed.length; i++)
        {
            final Command c = commands.get(i);
            packed[i] = (long)typeIndex(c.type) << 56 | field(c.centre, 16) << 40 | field(c.window, 16) << 24
                | field(c.staff, 24);
            serviceAndPriority[i] = (int)field(c.serviceCount == 0 ? -1 : c.services[0], 23) << 8 | c.priority;
            baseTimesMs[i] = c.timestampMs;
        }
        for (int s = 0; s < SLOTS; s++)
        {
            slots[s] = new Command();
        }
    }

    /**
     * @param network      the network (indexes as {@code okno.config.NetworkIndex} gives them)
     * @param seed         seeds the window order and the services asked for
     * @param visitsPerDay round-robin steps (visits) of the day
     * @param part         this stream's share of the centres: those with {@code centre % parts == part}
     * @param parts        number of disjoint streams, e.g. one per producer
     * @return the day
     */
    public static Workload generate(final NetworkConfig network, final long seed, final int visitsPerDay,
        final int part, final int parts)
    {
        final SplittableRandom random = new SplittableRandom(seed * 31 + part);
        final List<int[]> open = new ArrayList<>();
        final Map<Integer, int[]> skills = new HashMap<>();
        int openMinute = 0;
        int closeMinute = 24 * 60;
        final Map<String, List<Integer>> staffByHome = new HashMap<>();
        for (int s = 0; s < network.staff().size(); s++)
        {
            final StaffDef def = network.staff().get(s);
            if (!def.standby())
            {
                staffByHome.computeIfAbsent(def.homeCentre(), k -> new ArrayList<>()).add(s);
            }
        }
        final Map<String, Integer> serviceIndex = new HashMap<>();
        for (int s = 0; s < network.services().size(); s++)
        {
            serviceIndex.put(network.services().get(s).id(), s);
        }
        for (int c = part; c < network.centres().size(); c += parts)
        {
            final CentreDef centre = network.centres().get(c);
            final DayHours hours = centre.hours().on(DayOfWeek.MONDAY);
            final List<Integer> staff = staffByHome.getOrDefault(centre.id(), List.of());
            if (hours == null || staff.isEmpty())
            {
                continue;
            }
            openMinute = Math.max(openMinute, hours.openMinute());
            closeMinute = Math.min(closeMinute, hours.closeMinute());
            final List<Integer> free = new ArrayList<>(staff);
            for (int w = 0; w < Math.min(centre.windows().size(), staff.size()); w++)
            {
                final WindowDef window = centre.windows().get(w);
                final int[] services = window.skills().keySet().stream().mapToInt(serviceIndex::get).toArray();
                open.add(new int[] {c, w, ofTrade(free, window, network)});
                skills.put(open.size() - 1, services);
            }
        }
        // Steps k, k-1 and k-2 must name three different windows.
        if (open.size() < 3 || closeMinute - openMinute < 3)
        {
            throw new IllegalArgumentException("fewer than 3 windows of part " + part + "/" + parts
                + " can open on Monday");
        }
        final int[] order = shuffledIndexes(open.size(), random);
        final long dayStartMs = FIRST_DAY.atStartOfDay().toInstant(network.utcOffset()).toEpochMilli();
        final long firstMs = dayStartMs + (openMinute + 1) * 60_000L;
        final long spanMs = (closeMinute - openMinute - 2) * 60_000L;
        final List<Command> out = new ArrayList<>();
        for (final int[] w : open)
        {
            final Command openWindow = windowCommand(CommandType.OPEN_WINDOW, w, firstMs);
            openWindow.staff = w[2];
            out.add(openWindow);
        }
        for (int i = 0; i < open.size(); i++)
        {
            for (int b = 0; b < BACKLOG; b++)
            {
                out.add(issue(open.get(i), skills.get(i), random, firstMs));
            }
        }
        final int n = open.size();
        for (int k = 0; k < visitsPerDay + 2; k++)
        {
            final long timeMs = firstMs + spanMs * Math.min(k, visitsPerDay) / visitsPerDay;
            if (k < visitsPerDay)
            {
                final int i = order[k % n];
                out.add(issue(open.get(i), skills.get(i), random, timeMs));
                out.add(windowCommand(CommandType.CALL_NEXT, open.get(i), timeMs));
            }
            if (k >= 1 && k <= visitsPerDay)
            {
                out.add(windowCommand(CommandType.START_SERVICE, open.get(order[(k - 1) % n]), timeMs));
            }
            if (k >= 2)
            {
                out.add(windowCommand(CommandType.COMPLETE_SERVICE, open.get(order[(k - 2) % n]), timeMs));
            }
        }
        return new Workload(out);
    }

    /** @return commands in one pass (one day). */
    public int size()
    {
        return packed.length;
    }

    /**
     * @return the next command, decoded into a reused slot with its timestamp set for the current pass; a
     *     consumer must be done with it within {@link #SLOTS} further commands
     */
    public Command next()
    {
        startPassIfDone();
        return decode(next++);
    }

    /**
     * Takes up to {@code max} consecutive commands (fewer at the end of a pass or of the slot ring), decoded with
     * their timestamps set, as {@code slots()[from]} onwards where {@code from} is {@link #position()} before the call.
     *
     * @return the number taken, at least 1
     */
    public int take(final int max)
    {
        startPassIfDone();
        final int count = Math.min(Math.min(max, packed.length - next), SLOTS - nextSlot);
        for (int i = 0; i < count; i++)
        {
            decode(next++);
        }
        return count;
    }

    /** @return whether the current pass is used up: the next command starts the next week's day. */
    public boolean atPassEnd()
    {
        return next == packed.length;
    }

    /** @return index in {@link #slots()} of the command {@link #take} returns next. */
    public int position()
    {
        return nextSlot;
    }

    /** @return the reused slots, for batch submission after {@link #take}. */
    public Command[] slots()
    {
        return slots;
    }

    private void startPassIfDone()
    {
        if (next == packed.length)
        {
            next = 0;
            shiftMs += WEEK_MS;
        }
    }

    private Command decode(final int i)
    {
        final Command c = slots[nextSlot].clear();
        nextSlot = (nextSlot + 1) % SLOTS;
        final long p = packed[i];
        c.type = TYPES[(int)(p >>> 56)];
        c.centre = unfield(p >>> 40, 16);
        c.window = unfield(p >>> 24, 16);
        c.staff = unfield(p, 24);
        final int service = unfield(serviceAndPriority[i] >>> 8, 23);
        if (service >= 0)
        {
            c.addService(service);
        }
        c.priority = serviceAndPriority[i] & 0xFF;
        c.timestampMs = baseTimesMs[i] + shiftMs;
        return c;
    }

    private static int typeIndex(final CommandType type)
    {
        for (int t = 0; t < TYPES.length; t++)
        {
            if (TYPES[t] == type)
            {
                return t;
            }
        }
        throw new IllegalArgumentException("the workload has no " + type + " commands");
    }

    /** @return {@code value + 1} in {@code bits} bits (so -1 is 0), refusing what does not fit */
    private static long field(final int value, final int bits)
    {
        if (value < -1 || value + 1L >= 1L << bits)
        {
            throw new IllegalArgumentException(value + " does not fit the workload's " + bits + "-bit field");
        }
        return value + 1L;
    }

    private static int unfield(final long packedBits, final int bits)
    {
        return (int)(packedBits & ((1L << bits) - 1)) - 1;
    }

    private static Command issue(final int[] window, final int[] services, final SplittableRandom random,
        final long timeMs)
    {
        final Command c = new Command().clear();
        c.type = CommandType.ISSUE_TICKET;
        c.timestampMs = timeMs;
        c.centre = window[0];
        c.priority = PriorityClass.NORMAL.code();
        c.addService(services[random.nextInt(services.length)]);
        return c;
    }

    private static Command windowCommand(final CommandType type, final int[] window, final long timeMs)
    {
        final Command c = new Command().clear();
        c.type = type;
        c.timestampMs = timeMs;
        c.centre = window[0];
        c.window = window[1];
        return c;
    }

    private static int[] shuffledIndexes(final int n, final SplittableRandom random)
    {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Takes from {@code free} a member of the desk's trade (trained for nothing beyond its services), else the first
     * one left: the window then serves its desk's lines, which the generated tickets are drawn from.
     */
    private static int ofTrade(final List<Integer> free, final WindowDef window, final NetworkConfig network)
    {
        for (int i = 0; i < free.size(); i++)
        {
            if (window.skills().keySet().containsAll(network.staff().get(free.get(i)).skills()))
            {
                return free.remove(i);
            }
        }
        return free.remove(0);
    }
}

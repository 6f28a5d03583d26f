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

    private final Command[] commands;
    private final long[] baseTimesMs;
    private long shiftMs;
    private int next;

    private Workload(final List<Command> commands)
    {
        this.commands = commands.toArray(new Command[0]);
        this.baseTimesMs = new long[this.commands.length];
        for (int i = 0; i < baseTimesMs.length; i++)
        {
            baseTimesMs[i] = this.commands[i].timestampMs;
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
            for (int w = 0; w < Math.min(centre.windows().size(), staff.size()); w++)
            {
                final WindowDef window = centre.windows().get(w);
                final int[] services = window.skills().keySet().stream().mapToInt(serviceIndex::get).toArray();
                open.add(new int[] {c, w, staff.get(w)});
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
        return commands.length;
    }

    /**
     * @return the next command with its timestamp set for the current pass; the slot is reused on the next
     *     pass, so a consumer must be done with it within {@link #size()} further calls
     */
    public Command next()
    {
        if (next == commands.length)
        {
            next = 0;
            shiftMs += WEEK_MS;
        }
        final Command command = commands[next];
        command.timestampMs = baseTimesMs[next] + shiftMs;
        next++;
        return command;
    }

    /**
     * Takes up to {@code max} consecutive commands (fewer at the end of a pass), timestamps set, as
     * {@code slots()[from]} onwards where {@code from} is {@link #position()} before the call.
     *
     * @return the number taken, at least 1
     */
    public int take(final int max)
    {
        if (next == commands.length)
        {
            next = 0;
            shiftMs += WEEK_MS;
        }
        final int count = Math.min(max, commands.length - next);
        for (int i = next; i < next + count; i++)
        {
            commands[i].timestampMs = baseTimesMs[i] + shiftMs;
        }
        next += count;
        return count;
    }

    /** @return whether the current pass is used up: the next command starts the next week's day. */
    public boolean atPassEnd()
    {
        return next == commands.length;
    }

    /** @return index in {@link #slots()} of the command {@link #take} returns next (0 after a pass). */
    public int position()
    {
        return next == commands.length ? 0 : next;
    }

    /** @return the preallocated slots, for batch submission after {@link #take}. */
    public Command[] slots()
    {
        return commands;
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
}

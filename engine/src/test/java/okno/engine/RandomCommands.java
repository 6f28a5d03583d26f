package okno.engine;

import okno.config.NetworkConfig;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of mostly valid, sometimes invalid commands for a network: window work is frequent, so
 * tickets flow through every state; ids are occasionally out of range, times occasionally go backwards, and
 * time jumps now and then so that days roll over. {@link #observe} learns ticket numbers and appointment codes
 * from results so that later commands can name them.
 */
public final class RandomCommands
{
    private static final CommandType[] WINDOW_WORK = {
        CommandType.CALL_NEXT, CommandType.CALL_NEXT, CommandType.START_SERVICE, CommandType.START_SERVICE,
        CommandType.COMPLETE_SERVICE, CommandType.COMPLETE_SERVICE, CommandType.RECALL, CommandType.RECALL,
        CommandType.RECALL, CommandType.NO_SHOW, CommandType.NO_SHOW,
        CommandType.POSTPONE, CommandType.TRANSFER, CommandType.RATE, CommandType.OPEN_WINDOW,
        CommandType.CLOSE_WINDOW, CommandType.BREAK_WINDOW, CommandType.CALL_TICKET};
    private static final CommandType[] OTHER = {
        CommandType.CANCEL_TICKET, CommandType.BOOK_APPOINTMENT, CommandType.CANCEL_APPOINTMENT,
        CommandType.CHECK_IN, CommandType.ASSIGN_STAFF, CommandType.SET_STANDBY, CommandType.TICK};

    private final SplittableRandom random;
    /** Kiosks come from their own stream, so that the other fields stay what they were before kiosks existed. */
    private final SplittableRandom kiosks;
    private final int centres;
    private final int maxWindows;
    private final int services;
    private final int staff;
    private final List<List<Integer>> numbers = new ArrayList<>();
    private final List<Long> codes = new ArrayList<>();
    private long nowMs;

    public RandomCommands(final NetworkConfig config, final long seed, final long startMs)
    {
        this.random = new SplittableRandom(seed);
        this.kiosks = new SplittableRandom(~seed);
        this.centres = config.centres().size();
        int most = 0;
        for (int c = 0; c < centres; c++)
        {
            most = Math.max(most, config.centres().get(c).windows().size());
            numbers.add(new ArrayList<>());
        }
        this.maxWindows = most;
        this.services = config.services().size();
        this.staff = config.staff().size();
        this.nowMs = startMs;
    }

    /** Fills the slot with the next command. */
    public void next(final Command c)
    {
        c.clear();
        advanceTime();
        c.timestampMs = random.nextInt(400) == 0 ? nowMs - 1000 : nowMs;
        c.kiosk = kiosks.nextInt(4) - 1;
        final int roll = random.nextInt(100);
        if (roll < 30)
        {
            c.type = CommandType.ISSUE_TICKET;
        }
        else if (roll < 85)
        {
            c.type = WINDOW_WORK[random.nextInt(WINDOW_WORK.length)];
        }
        else
        {
            c.type = OTHER[random.nextInt(OTHER.length)];
        }
        c.centre = sometimesInvalid(centres);
        c.window = sometimesInvalid(maxWindows);
        c.staff = sometimesInvalid(staff);
        c.priority = random.nextInt(20) == 0 ? random.nextInt(5) : 1 + (random.nextInt(4) == 0 ? 1 : 0);
        final int count = random.nextInt(30) == 0 ? random.nextInt(7) : 1 + (random.nextInt(4) == 0 ? 1 : 0);
        c.serviceCount = Math.min(count, Command.MAX_SERVICES);
        for (int i = 0; i < c.serviceCount; i++)
        {
            c.services[i] = sometimesInvalid(services);
        }
        c.ticketNumber = knownNumber(c.centre);
        c.score = random.nextInt(7);
        c.targetCentre = sometimesInvalid(centres);
        if (random.nextBoolean())
        {
            c.targetWindow = sometimesInvalid(maxWindows);
        }
        else
        {
            c.targetService = sometimesInvalid(services);
        }
        c.slotMs = slot();
        c.appointmentCode = codes.isEmpty() || random.nextInt(10) == 0
            ? 10_000_000L + random.nextInt(1000) : codes.get(random.nextInt(codes.size()));
        c.flag = random.nextInt(10) == 0 ? 2 : random.nextInt(2);
        c.requestKey = random.nextInt(3) == 0 ? 1 + random.nextInt(200) : 0;
    }

    /** Learns numbers and codes from an applied command. */
    public void observe(final Command c)
    {
        if (c.result == Result.OK && c.resultTicket >= 0 && c.centre >= 0 && c.centre < centres)
        {
            final List<Integer> known = numbers.get(c.centre);
            known.add(c.resultTicket);
            if (known.size() > 64)
            {
                known.remove(0);
            }
        }
        if (c.result == Result.OK && c.resultAppointmentCode != 0)
        {
            codes.add(c.resultAppointmentCode);
            if (codes.size() > 64)
            {
                codes.remove(0);
            }
        }
    }

    private void advanceTime()
    {
        final int roll = random.nextInt(3000);
        if (roll == 0)
        {
            nowMs += 6 * 3_600_000L;
        }
        else
        {
            nowMs += random.nextInt(40) * 1000L;
        }
    }

    private int sometimesInvalid(final int bound)
    {
        final int roll = random.nextInt(50);
        if (roll == 0)
        {
            return -1;
        }
        return roll == 1 ? bound : random.nextInt(bound);
    }

    private int knownNumber(final int centre)
    {
        if (centre < 0 || centre >= centres || numbers.get(centre).isEmpty() || random.nextInt(20) == 0)
        {
            return random.nextInt(1 << 27);
        }
        final List<Integer> known = numbers.get(centre);
        return known.get(random.nextInt(known.size()));
    }

    private long slot()
    {
        final long quarter = 15 * 60_000L;
        final long base = Math.floorDiv(nowMs, quarter) * quarter;
        final long slot = base + (random.nextInt(60) - 4) * quarter;
        return random.nextInt(15) == 0 ? slot + 60_000L : slot;
    }
}

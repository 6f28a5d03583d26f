package okno.engine.balancer;

import okno.engine.api.StaffMode;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Proposes staff moves from where staff can be spared to centres that are overloaded. Runs every
 * {@link BalancerRules#intervalMs} of engine time, when the state machine calls {@link #evaluate} on a tick.
 *
 * <p><b>Pressure.</b> For each open centre: {@code n} = open windows plus staff already travelling there, the
 * backlog {@code B} = waiting work (each waiting ticket at its service's estimated time), the predicted wait
 * {@code B / n}, and the arrival rate (moving average of tickets per interval). A centre is overloaded when its
 * predicted wait has exceeded {@link BalancerRules#highWaitMs} at every evaluation for at least
 * {@link BalancerRules#sustainMs} (a burst that drains by itself moves nobody), still exceeds it counting the
 * staff already on their way and chosen before, or its offered load needs more windows than that (see
 * {@link #shortOfWindows}), and it has a closed window to open: moves fill the need, no more.
 *
 * <p><b>Lines.</b> Each centre's longest service line counts too ({@link LongestLines}): a centre whose longest
 * line stays over {@link BalancerRules#highWaitMs} the same way is overloaded as well, and a helper's score is the
 * larger of the centre's and the line's. Skills follow the person, so for a centre pressed only by its line the
 * helper must be able to serve it: a closed window's desk has the service, or the helper is trained for it.
 *
 * <p><b>Candidates.</b> Standby staff (the pool, or staff who arrived elsewhere and were not given a window), and
 * staff idle at an open window of a quiet centre (predicted wait without them below
 * {@link BalancerRules#lowWaitMs}, at least one window left open). A quiet centre keeps {@code ceil(sqrt(n))} of
 * its {@code n} open windows idle: an empty line says nothing about the next minutes, and that is the margin
 * square-root staffing gives a centre against its own randomness; only idle staff beyond it are spare. Nobody moved
 * in the last {@link BalancerRules#cooldownMs} moves again and no centre that received staff that recently gives
 * any away.
 *
 * <p><b>Ranking.</b> Moving staff member {@code s} to centre {@code c} takes the travel time {@code T}. The
 * centre's line stays non-empty for about {@code D = (B + max(0, arrivalRate x meanService - n) x H) / n}, with
 * {@code H} the {@link BalancerRules#horizonMs horizon}. From arrival the extra window shortens the line by one
 * visitor per mean service time, for {@code U = min(H - T, D)}: it saves {@code U^2 / (2 x meanService)} of visitor
 * waiting time. That saved time minus {@code T} is the move's score; moves with a positive score are chosen
 * greedily, best first, each counted as one more window at its target before the next is chosen, up to
 * {@link BalancerRules#maxProposals}.
 *
 * <p>The proposals are a {@link ProposalList}. Fixed arrays only: an evaluation allocates nothing. Engine thread
 * only.
 */
public final class Balancer
{
    private static final long NEVER = Long.MIN_VALUE / 4;
    private static final int RATE_SCALE = 1000;
    /**
     * The arrival rate is a moving average with weight {@code 1 / 2^RATE_SHIFT} per interval: about a quarter of
     * an hour of memory, so that a centre's load is read to about 10 % rather than to a minute's Poisson noise.
     */
    private static final int RATE_SHIFT = 4;

    private final BalancerRules rules;
    private final int centreCount;
    private final int staffCount;
    private BalancerMode mode = BalancerMode.MANUAL;
    private long nextEvaluationMs = NEVER;

    private final ProposalList proposals;

    private final long[] lastMovedMs;
    private final long[] lastReceivedMs;
    private final long[] lastIssued;
    /** Arrivals per interval x {@link #RATE_SCALE}, moving average with weight {@code 1 / 2^RATE_SHIFT}. */
    private final long[] arrivalRate;
    /** Waiting tickets at the last evaluation. */
    private final long[] lastWaiting;
    /** Change of the waiting tickets per interval x {@link #RATE_SCALE}, averaged like {@link #arrivalRate}. */
    private final long[] queueGrowth;
    /** The per-centre and per-member state above, in the order it is hashed and written. */
    private final long[][] columns;
    /** Since when each centre's predicted wait has stayed over the high mark, or {@link #NEVER}. */
    private final long[] overSinceMs;

    // scratch of one evaluation
    private final int[] windowsThere;
    private final int[] closedLeft;
    private final long[] backlog;
    private final int[] waitingThere;
    private final LongestLines lines;
    private final boolean[] openNow;
    /** Idle staff at windows of each quiet centre not yet chosen. */
    private final int[] idleLeft;
    /** Over the high mark for long enough at this evaluation. */
    private final boolean[] sustained;
    /** Spare staff grouped by centre: members of centre c at {@code spareStart[c] .. spareStart[c + 1] - 1}. */
    private final int[] candidates;
    private final int[] spareStart;
    private final int[] spareNext;
    private final byte[] spareKind;

    /** Builds an idle balancer in manual mode. */
    public Balancer(final int centreCount, final int staffCount, final BalancerRules rules)
    {
        this.rules = rules;
        this.centreCount = centreCount;
        this.staffCount = staffCount;
        proposals = new ProposalList(rules.maxProposals());
        lastMovedMs = new long[staffCount];
        lastReceivedMs = new long[centreCount];
        lastIssued = new long[centreCount];
        arrivalRate = new long[centreCount];
        lastWaiting = new long[centreCount];
        queueGrowth = new long[centreCount];
        overSinceMs = new long[centreCount];
        sustained = new boolean[centreCount];
        windowsThere = new int[centreCount];
        closedLeft = new int[centreCount];
        backlog = new long[centreCount];
        waitingThere = new int[centreCount];
        lines = new LongestLines(centreCount);
        openNow = new boolean[centreCount];
        idleLeft = new int[centreCount];
        candidates = new int[staffCount];
        spareStart = new int[centreCount + 1];
        spareNext = new int[centreCount];
        spareKind = new byte[staffCount];
        columns = new long[][]{lastMovedMs, lastReceivedMs, lastIssued, arrivalRate, overSinceMs, lastWaiting,
            queueGrowth};
        Arrays.fill(lastMovedMs, NEVER);
        Arrays.fill(lastReceivedMs, NEVER);
        Arrays.fill(overSinceMs, NEVER);
    }

    /** @return the current mode. */
    public BalancerMode mode()
    {
        return mode;
    }

    /** Sets the mode (the state machine, on its command). */
    public void mode(final BalancerMode newMode)
    {
        mode = newMode;
    }

    /** @return whether an evaluation is due at {@code nowMs}. */
    public boolean due(final long nowMs)
    {
        return nowMs >= nextEvaluationMs;
    }

    /** @return the open proposals, best first. */
    public ProposalList proposals()
    {
        return proposals;
    }

    /** Records a move (by the balancer or an operator) for the hysteresis. */
    public void moved(final int staffMember, final int target, final long nowMs)
    {
        lastMovedMs[staffMember] = nowMs;
        lastReceivedMs[target] = nowMs;
    }

    /**
     * @return how fast the centre's line has grown (negative: shrunk) over about the last quarter of an hour, in
     *     waiting visitors per hour: the trend operators see beside the predicted wait
     */
    public double queueGrowthPerHour(final int centre)
    {
        return queueGrowth[centre] / (double)RATE_SCALE * (3_600_000.0 / rules.intervalMs());
    }

    /** Forgets the proposals and the arrival counts of the old day; the cooldowns too (everyone starts at home). */
    public void startDay()
    {
        proposals.clear();
        Arrays.fill(lastIssued, 0);
        Arrays.fill(arrivalRate, 0);
        Arrays.fill(lastWaiting, 0);
        Arrays.fill(queueGrowth, 0);
        Arrays.fill(lastMovedMs, NEVER);
        Arrays.fill(lastReceivedMs, NEVER);
        Arrays.fill(overSinceMs, NEVER);
        nextEvaluationMs = NEVER;
    }

    /** Replaces the proposals with those the network needs now; see the class comment. */
    public void evaluate(final long nowMs, final LoadProbe probe)
    {
        nextEvaluationMs = nowMs + rules.intervalMs();
        measure(nowMs, probe);
        proposals.startNew();
        if (!collectCandidates(nowMs, probe))
        {
            proposals.clear();
            return;
        }
        while (proposals.hasRoom())
        {
            long bestScore = 0;
            int bestSource = -1;
            int bestTarget = -1;
            int bestAt = -1;
            for (int c = 0; c < centreCount; c++)
            {
                if (!overloaded(c))
                {
                    continue;
                }
                // the score falls with travel time, so each source centre offers its first helpful member only
                for (int a = 0; a < centreCount; a++)
                {
                    final int at = a == c ? -1 : spareFor(a, c, probe);
                    if (at < 0)
                    {
                        continue;
                    }
                    final long score = score(c, probe.travelMs(a, c));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestSource = a;
                        bestTarget = c;
                        bestAt = at;
                    }
                }
            }
            if (bestSource < 0)
            {
                break;
            }
            final int chosen = take(bestSource, bestAt);
            final int line = linePressed(bestTarget) ? lines.service(bestTarget) : -1;
            if (line >= 0)
            {
                lines.helperComing(bestTarget);
            }
            windowsThere[bestTarget]++;
            closedLeft[bestTarget]--;
            if (spareKind[chosen] == 2)
            {
                windowsThere[bestSource]--;
                idleLeft[bestSource]--;
            }
            proposals.add(chosen, bestSource, bestTarget, bestScore, line);
        }
        proposals.publish();
    }

    /**
     * @return where in {@link #candidates} the first member of a centre's spare staff is who is still spare and
     *     helps {@code target}, or -1
     */
    private int spareFor(final int centre, final int target, final LoadProbe probe)
    {
        for (int at = spareNext[centre]; at < spareStart[centre + 1]; at++)
        {
            final int s = candidates[at];
            if (stillSpare(s, centre) && helps(s, target, probe))
            {
                return at;
            }
        }
        return -1;
    }

    /** Takes the member at {@code at} out of a centre's spare staff, the others keeping their order. */
    private int take(final int centre, final int at)
    {
        final int s = candidates[at];
        final int first = spareNext[centre];
        System.arraycopy(candidates, first, candidates, first + 1, at - first);
        candidates[first] = s;
        spareNext[centre]++;
        return s;
    }

    /** @return whether the member can help the centre: it is overloaded as a whole, or they can serve its line */
    private boolean helps(final int s, final int c, final LoadProbe probe)
    {
        return centreOverloaded(c) || lines.canOpenOne(c) || probe.trained(s, lines.service(c));
    }

    private void measure(final long nowMs, final LoadProbe probe)
    {
        for (int c = 0; c < centreCount; c++)
        {
            final long issued = probe.issuedToday(c);
            final long arrivals = issued >= lastIssued[c] ? issued - lastIssued[c] : issued;
            lastIssued[c] = issued;
            arrivalRate[c] += (arrivals * RATE_SCALE - arrivalRate[c]) >> RATE_SHIFT;
            windowsThere[c] = probe.openWindows(c);
            closedLeft[c] = probe.windows(c) - windowsThere[c];
            backlog[c] = probe.backlogMs(c);
            waitingThere[c] = probe.waiting(c);
            queueGrowth[c] += ((waitingThere[c] - lastWaiting[c]) * RATE_SCALE - queueGrowth[c]) >> RATE_SHIFT;
            lastWaiting[c] = waitingThere[c];
            openNow[c] = probe.isOpen(c);
            lines.measure(c, openNow[c], waitingThere[c], probe);
        }
        for (int s = 0; s < staffCount && probe.anyTravelling(); s++)
        {
            if (probe.staffMode(s) == StaffMode.TRAVELLING.code())
            {
                final int c = probe.staffCentre(s);
                windowsThere[c]++;
                closedLeft[c]--;
                lines.helperComing(c);
            }
        }
        for (int c = 0; c < centreCount; c++)
        {
            if (!pressed(c))
            {
                overSinceMs[c] = NEVER;
            }
            else if (overSinceMs[c] == NEVER)
            {
                overSinceMs[c] = nowMs;
            }
            sustained[c] = overSinceMs[c] != NEVER && nowMs - overSinceMs[c] >= rules.sustainMs();
        }
    }

    /**
     * Lists the spare staff grouped by centre (standby members before idle ones), in {@link #candidates} from
     * {@code spareStart[c]}. @return whether there is anyone spare and any centre overloaded
     */
    private boolean collectCandidates(final long nowMs, final LoadProbe probe)
    {
        boolean anyOverloaded = false;
        for (int c = 0; c < centreCount && !anyOverloaded; c++)
        {
            anyOverloaded = overloaded(c);
        }
        if (!anyOverloaded)
        {
            return false;
        }
        Arrays.fill(spareStart, 0);
        Arrays.fill(idleLeft, 0);
        for (int s = 0; s < staffCount; s++)
        {
            spareKind[s] = (byte)spareKind(s, nowMs, probe);
            if (spareKind[s] != 0)
            {
                spareStart[probe.staffCentre(s) + 1]++;
            }
            if (spareKind[s] == 2)
            {
                idleLeft[probe.staffCentre(s)]++;
            }
        }
        for (int c = 0; c < centreCount; c++)
        {
            spareStart[c + 1] += spareStart[c];
            spareNext[c] = spareStart[c];
        }
        for (int kind = 1; kind <= 2; kind++)
        {
            for (int s = 0; s < staffCount; s++)
            {
                if (spareKind[s] == kind)
                {
                    candidates[spareNext[probe.staffCentre(s)]++] = s;
                }
            }
        }
        System.arraycopy(spareStart, 0, spareNext, 0, centreCount);
        return spareStart[centreCount] > 0;
    }

    /** @return 1 for a standby member, 2 for one idle at a window of a quiet centre, 0 when not spare. */
    private int spareKind(final int s, final long nowMs, final LoadProbe probe)
    {
        if (nowMs - lastMovedMs[s] < rules.cooldownMs())
        {
            return 0;
        }
        if (probe.staffMode(s) == StaffMode.STANDBY.code())
        {
            return 1;
        }
        final int at = probe.staffCentre(s);
        return probe.idleAtWindow(s) && nowMs - lastReceivedMs[at] >= rules.cooldownMs() && quiet(at) ? 2 : 0;
    }

    /** A centre is quiet when it keeps a window open and its predicted wait stays low with one window fewer. */
    private boolean quiet(final int centre)
    {
        final int left = windowsThere[centre] - 1;
        return left >= 1 && backlog[centre] / left < rules.lowWaitMs();
    }

    private boolean stillSpare(final int s, final int at)
    {
        return spareKind[s] != 2 || quiet(at) && idleLeft[at] > Math.ceil(Math.sqrt(windowsThere[at]));
    }

    /**
     * @return whether the centre's predicted wait, or that of its longest line, with the windows counted so far, is
     *     over the high mark
     */
    private boolean pressed(final int c)
    {
        return centrePressed(c) || linePressed(c);
    }

    private boolean centrePressed(final int c)
    {
        return waitingThere[c] > 0 && openNow[c] && backlog[c] / Math.max(1, windowsThere[c]) > rules.highWaitMs();
    }

    private boolean linePressed(final int c)
    {
        return lines.pressed(c, rules.highWaitMs());
    }

    private boolean overloaded(final int c)
    {
        return sustained[c] && closedLeft[c] > 0 && (centreOverloaded(c) || linePressed(c));
    }

    /** @return whether the centre as a whole needs another window: its predicted wait, or its offered load */
    private boolean centreOverloaded(final int c)
    {
        return centrePressed(c) || waitingThere[c] > 0 && shortOfWindows(c);
    }

    /**
     * @return whether the centre's offered load {@code a} (arrival rate x mean estimated service time of its
     *     waiting tickets) needs more windows than it has counted so far: fewer than {@code a + sqrt(a)}, the
     *     square-root staffing that keeps a queue short; with fewer the line only grows back after the backlog
     *     is drained
     */
    private boolean shortOfWindows(final int c)
    {
        final double meanServiceMs = backlog[c] / (double)waitingThere[c];
        final double load = arrivalRate[c] / (double)RATE_SCALE / rules.intervalMs() * meanServiceMs;
        return windowsThere[c] < load + Math.sqrt(load);
    }

    /** Visitor-time saved at the target minus travel time, the larger for the centre and its longest line. */
    private long score(final int c, final long travelMs)
    {
        final double meanServiceMs = backlog[c] / (double)waitingThere[c];
        final double arrivalsPerMs = arrivalRate[c] / (double)RATE_SCALE / rules.intervalMs();
        final int n = Math.max(1, windowsThere[c]);
        final double drainMs = (backlog[c] + Math.max(0, arrivalsPerMs * meanServiceMs - n) * rules.horizonMs()) / n;
        final long centre = saved(drainMs, meanServiceMs, travelMs);
        if (!linePressed(c))
        {
            return centre;
        }
        final long line = saved(lines.drainMs(c), lines.meanServiceMs(c), travelMs);
        return Math.max(centre, line);
    }

    /** @return waiting time one more window saves on a line that drains in {@code drainMs}, minus the travel. */
    private long saved(final double drainMs, final double meanServiceMs, final long travelMs)
    {
        final double usefulMs = Math.min(rules.horizonMs() - travelMs, drainMs);
        if (usefulMs <= 0)
        {
            return -travelMs;
        }
        return (long)(usefulMs * usefulMs / (2 * meanServiceMs)) - travelMs;
    }

    /** Feeds the whole state to a hash, in a fixed order. */
    public void hashInto(final LongConsumer hash)
    {
        hash.accept(mode.code());
        hash.accept(nextEvaluationMs);
        proposals.hashInto(hash);
        for (final long[] column : columns)
        {
            for (final long v : column)
            {
                hash.accept(v);
            }
        }
    }

    /** Writes the whole state. */
    public void write(final DataOutput out) throws IOException
    {
        out.writeInt(centreCount);
        out.writeInt(staffCount);
        out.writeByte(mode.code());
        out.writeLong(nextEvaluationMs);
        proposals.write(out);
        for (final long[] column : columns)
        {
            for (final long v : column)
            {
                out.writeLong(v);
            }
        }
    }

    /** Replaces the whole state with one written by {@link #write}. */
    public void read(final DataInput in) throws IOException
    {
        final int centres = in.readInt();
        final int members = in.readInt();
        if (centres != centreCount || members != staffCount)
        {
            throw new IOException("snapshot has a balancer of " + centres + " centres and " + members + " staff");
        }
        mode = BalancerMode.fromCode(in.readByte());
        if (mode == null)
        {
            throw new IOException("snapshot has a corrupt balancer: unknown mode");
        }
        nextEvaluationMs = in.readLong();
        proposals.read(in);
        for (final long[] column : columns)
        {
            for (int i = 0; i < column.length; i++)
            {
                column[i] = in.readLong();
            }
        }
    }
}

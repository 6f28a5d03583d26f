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
 * <p><b>Lines.</b> A window serves a few agencies, not the whole centre's work, so one service's line can be far
 * over the promise while the centre's mean looks fine. So each centre's longest line counts too: per service
 * with tickets waiting, its waiting work over the open windows having it (one when none), the largest of them;
 * its last ticket waits for the work ahead of it, the line's work less one ticket's.
 * A centre whose longest line stays over {@link BalancerRules#highWaitMs} the same way is overloaded as well if
 * it has a closed window having that service; a helper counts as one more window for that line (the simulator,
 * like a centre manager, opens the closed window with the longest line on arrival), and its score is the
 * larger of the centre's and the line's.
 *
 * <p><b>Candidates.</b> Standby staff (the pool, or staff who arrived elsewhere and were not given a window),
 * and staff idle at an open window of a quiet centre (predicted wait without them below
 * {@link BalancerRules#lowWaitMs}, at least one window left open). A quiet centre keeps {@code ceil(sqrt(n))} of
 * its {@code n} open windows idle: an empty line says nothing about the next minutes, and that is the margin
 * square-root staffing gives a centre against its own randomness; only idle staff beyond it are spare. Nobody moved in the last
 * {@link BalancerRules#cooldownMs} moves again and no centre that received staff that recently gives any away.
 *
 * <p><b>Ranking.</b> Moving staff member {@code s} to centre {@code c} takes the travel time {@code T}. The
 * centre's line stays non-empty for about {@code D = (B + max(0, arrivalRate x meanService - n) x H) / n}, with
 * {@code H} the {@link BalancerRules#horizonMs horizon}. From arrival the extra window shortens the line by one
 * visitor per mean service time, for {@code U = min(H - T, D)}: it saves {@code U^2 / (2 x meanService)} of
 * visitor waiting time. That saved time minus {@code T} is the move's score; moves with a positive score are chosen greedily, best first, each counted as
 * one more window at its target before the next is chosen, up to {@link BalancerRules#maxProposals}.
 *
 * <p>A proposal keeps its id while the same staff member is proposed for the same centre, so an operator can
 * accept it. Fixed arrays only: an evaluation allocates nothing. Engine thread only.
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
    private int nextProposalId = 1;

    private int count;
    private final int[] ids;
    private final int[] staff;
    private final int[] from;
    private final int[] to;
    private final long[] scores;
    private final boolean[] fresh;

    private final long[] lastMovedMs;
    private final long[] lastReceivedMs;
    private final long[] lastIssued;
    /** Arrivals per interval x {@link #RATE_SCALE}, moving average with weight {@code 1 / 2^RATE_SHIFT}. */
    private final long[] arrivalRate;
    /** Since when each centre's predicted wait has stayed over the high mark, or {@link #NEVER}. */
    private final long[] overSinceMs;

    // scratch of one evaluation
    private final int[] windowsThere;
    private final int[] closedLeft;
    private final long[] backlog;
    private final int[] waitingThere;
    /** The centre's longest line: its waiting work, tickets, open windows (and helpers) and closed windows. */
    private final long[] lineWork;
    private final int[] lineWaiting;
    private final int[] lineOpen;
    private final int[] lineClosed;
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
    private final int[] newIds;
    private final int[] newStaff;
    private final int[] newFrom;
    private final int[] newTo;
    private final long[] newScores;

    /** Builds an idle balancer in manual mode. */
    public Balancer(final int centreCount, final int staffCount, final BalancerRules rules)
    {
        this.rules = rules;
        this.centreCount = centreCount;
        this.staffCount = staffCount;
        final int max = rules.maxProposals();
        ids = new int[max];
        staff = new int[max];
        from = new int[max];
        to = new int[max];
        scores = new long[max];
        fresh = new boolean[max];
        newIds = new int[max];
        newStaff = new int[max];
        newFrom = new int[max];
        newTo = new int[max];
        newScores = new long[max];
        lastMovedMs = new long[staffCount];
        lastReceivedMs = new long[centreCount];
        lastIssued = new long[centreCount];
        arrivalRate = new long[centreCount];
        overSinceMs = new long[centreCount];
        sustained = new boolean[centreCount];
        windowsThere = new int[centreCount];
        closedLeft = new int[centreCount];
        backlog = new long[centreCount];
        waitingThere = new int[centreCount];
        lineWork = new long[centreCount];
        lineWaiting = new int[centreCount];
        lineOpen = new int[centreCount];
        lineClosed = new int[centreCount];
        openNow = new boolean[centreCount];
        idleLeft = new int[centreCount];
        candidates = new int[staffCount];
        spareStart = new int[centreCount + 1];
        spareNext = new int[centreCount];
        spareKind = new byte[staffCount];
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

    /** @return number of open proposals, best first. */
    public int proposalCount()
    {
        return count;
    }

    /** @return id of the proposal at {@code i}. */
    public int id(final int i)
    {
        return ids[i];
    }

    /** @return staff member of the proposal at {@code i}. */
    public int staff(final int i)
    {
        return staff[i];
    }

    /** @return centre the proposal's staff member leaves. */
    public int from(final int i)
    {
        return from[i];
    }

    /** @return centre the proposal sends the staff member to. */
    public int to(final int i)
    {
        return to[i];
    }

    /** @return visitor-time saved minus travel time of the proposal, ms. */
    public long score(final int i)
    {
        return scores[i];
    }

    /** @return whether the proposal at {@code i} was first made by the last evaluation. */
    public boolean isNew(final int i)
    {
        return fresh[i];
    }

    /** @return index of the open proposal with that id, or -1. */
    public int find(final int id)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }
        return -1;
    }

    /** Drops the proposal at {@code i} (carried out or no longer possible), keeping the order of the rest. */
    public void remove(final int i)
    {
        final int tail = count - i - 1;
        System.arraycopy(ids, i + 1, ids, i, tail);
        System.arraycopy(staff, i + 1, staff, i, tail);
        System.arraycopy(from, i + 1, from, i, tail);
        System.arraycopy(to, i + 1, to, i, tail);
        System.arraycopy(scores, i + 1, scores, i, tail);
        System.arraycopy(fresh, i + 1, fresh, i, tail);
        count--;
    }

    /** Records a move (by the balancer or an operator) for the hysteresis. */
    public void moved(final int staffMember, final int target, final long nowMs)
    {
        lastMovedMs[staffMember] = nowMs;
        lastReceivedMs[target] = nowMs;
    }

    /** Forgets the proposals and the arrival counts of the old day; the cooldowns too (everyone starts at home). */
    public void startDay()
    {
        count = 0;
        Arrays.fill(lastIssued, 0);
        Arrays.fill(arrivalRate, 0);
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
        if (!collectCandidates(nowMs, probe))
        {
            count = 0;
            return;
        }
        int n = 0;
        while (n < rules.maxProposals())
        {
            long bestScore = 0;
            int bestSource = -1;
            int bestTarget = -1;
            for (int c = 0; c < centreCount; c++)
            {
                if (!overloaded(c))
                {
                    continue;
                }
                // the score falls with travel time, so each source centre offers its first spare member only
                for (int a = 0; a < centreCount; a++)
                {
                    if (a == c || nextSpare(a) < 0)
                    {
                        continue;
                    }
                    final long score = score(c, probe.travelMs(a, c));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestSource = a;
                        bestTarget = c;
                    }
                }
            }
            if (bestSource < 0)
            {
                break;
            }
            final int chosen = nextSpare(bestSource);
            spareNext[bestSource]++;
            if (linePressed(bestTarget))
            {
                lineOpen[bestTarget]++;
                lineClosed[bestTarget]--;
            }
            windowsThere[bestTarget]++;
            closedLeft[bestTarget]--;
            if (spareKind[chosen] == 2)
            {
                windowsThere[bestSource]--;
                idleLeft[bestSource]--;
            }
            newStaff[n] = chosen;
            newFrom[n] = bestSource;
            newTo[n] = bestTarget;
            newScores[n] = bestScore;
            n++;
        }
        replaceProposals(n);
    }

    /** @return the next member of a centre's spare staff that is still spare, or -1. */
    private int nextSpare(final int centre)
    {
        while (spareNext[centre] < spareStart[centre + 1])
        {
            final int s = candidates[spareNext[centre]];
            if (stillSpare(s, centre))
            {
                return s;
            }
            spareNext[centre]++;
        }
        return -1;
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
            openNow[c] = probe.isOpen(c);
            longestLine(c, probe);
        }
        for (int s = 0; s < staffCount && probe.anyTravelling(); s++)
        {
            if (probe.staffMode(s) == StaffMode.TRAVELLING.code())
            {
                final int c = probe.staffCentre(s);
                windowsThere[c]++;
                closedLeft[c]--;
                // a helper on the way opens a window of the longest line on arrival
                lineOpen[c]++;
                lineClosed[c]--;
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

    /** Finds the centre's longest line: the service whose waiting work per open window having it is largest. */
    private void longestLine(final int c, final LoadProbe probe)
    {
        lineWork[c] = 0;
        lineWaiting[c] = 0;
        lineOpen[c] = 1;
        lineClosed[c] = 0;
        if (waitingThere[c] == 0 || !openNow[c])
        {
            return;
        }
        int longest = -1;
        for (int s = 0; s < probe.serviceCount(); s++)
        {
            final int waiting = probe.waitingFor(c, s);
            if (waiting == 0)
            {
                continue;
            }
            final long work = waiting * probe.serviceMs(c, s);
            final int open = Math.max(1, probe.openHaving(c, s));
            if (work * lineOpen[c] > lineWork[c] * open)
            {
                longest = s;
                lineWork[c] = work;
                lineWaiting[c] = waiting;
                lineOpen[c] = open;
            }
        }
        if (longest >= 0)
        {
            lineClosed[c] = probe.windowsHaving(c, longest) - probe.openHaving(c, longest);
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
        // the last ticket of the line waits for the work ahead of it, not for its own
        return lineWaiting[c] > 1
            && (lineWork[c] - lineWork[c] / lineWaiting[c]) / Math.max(1, lineOpen[c]) > rules.highWaitMs();
    }

    private boolean overloaded(final int c)
    {
        return sustained[c] && (closedLeft[c] > 0 && (centrePressed(c) || waitingThere[c] > 0 && shortOfWindows(c))
            || lineClosed[c] > 0 && closedLeft[c] > 0 && linePressed(c));
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
        final long line = saved(lineWork[c] / (double)lineOpen[c], lineWork[c] / (double)lineWaiting[c], travelMs);
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

    private void replaceProposals(final int n)
    {
        for (int i = 0; i < n; i++)
        {
            int id = 0;
            for (int j = 0; j < count; j++)
            {
                if (staff[j] == newStaff[i] && to[j] == newTo[i])
                {
                    id = ids[j];
                    break;
                }
            }
            fresh[i] = id == 0;
            newIds[i] = id == 0 ? nextProposalId++ : id;
        }
        System.arraycopy(newIds, 0, ids, 0, n);
        System.arraycopy(newStaff, 0, staff, 0, n);
        System.arraycopy(newFrom, 0, from, 0, n);
        System.arraycopy(newTo, 0, to, 0, n);
        System.arraycopy(newScores, 0, scores, 0, n);
        count = n;
    }

    /** Feeds the whole state to a hash, in a fixed order. */
    public void hashInto(final LongConsumer hash)
    {
        hash.accept(mode.code());
        hash.accept(nextEvaluationMs);
        hash.accept(nextProposalId);
        hash.accept(count);
        for (int i = 0; i < count; i++)
        {
            hash.accept(ids[i]);
            hash.accept(staff[i]);
            hash.accept(from[i]);
            hash.accept(to[i]);
            hash.accept(scores[i]);
            hash.accept(fresh[i] ? 1 : 0);
        }
        for (final long[] column : new long[][]{lastMovedMs, lastReceivedMs, lastIssued, arrivalRate, overSinceMs})
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
        out.writeInt(nextProposalId);
        out.writeInt(count);
        for (int i = 0; i < count; i++)
        {
            out.writeInt(ids[i]);
            out.writeInt(staff[i]);
            out.writeInt(from[i]);
            out.writeInt(to[i]);
            out.writeLong(scores[i]);
            out.writeBoolean(fresh[i]);
        }
        for (final long[] column : new long[][]{lastMovedMs, lastReceivedMs, lastIssued, arrivalRate, overSinceMs})
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
        nextEvaluationMs = in.readLong();
        nextProposalId = in.readInt();
        count = in.readInt();
        if (mode == null || count < 0 || count > rules.maxProposals())
        {
            throw new IOException("snapshot has a corrupt balancer: mode or " + count + " proposals");
        }
        for (int i = 0; i < count; i++)
        {
            ids[i] = in.readInt();
            staff[i] = in.readInt();
            from[i] = in.readInt();
            to[i] = in.readInt();
            scores[i] = in.readLong();
            fresh[i] = in.readBoolean();
        }
        for (final long[] column : new long[][]{lastMovedMs, lastReceivedMs, lastIssued, arrivalRate, overSinceMs})
        {
            for (int i = 0; i < column.length; i++)
            {
                column[i] = in.readLong();
            }
        }
    }
}

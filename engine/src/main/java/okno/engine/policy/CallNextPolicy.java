package okno.engine.policy;

import okno.config.PriorityClass;
import okno.engine.state.CentreState;
import okno.engine.state.Ticket;
import okno.engine.state.TicketQueue;
import okno.engine.state.WindowState;

/**
 * Which ticket a window calls next: a pure function of the centre's state, the window, the time and the rules.
 *
 * <p><b>Candidates</b> are the waiting tickets whose current service the window serves (each with the window's
 * skill weight for that service) plus the tickets transferred to this window. Postponed tickets are never
 * candidates (only a call by number brings them back). Wait is always measured from the ticket's ORIGINAL
 * issue time, which a multi-service visit and a transfer keep.
 * <ol>
 *   <li><b>Escalation.</b> If any candidate has waited at least {@code escalationMinutes}, call the one that
 *       has waited longest, whatever its class or weight: no ticket outstays the promise while a window that
 *       can serve it is calling.</li>
 *   <li><b>Priority quota.</b> If accessibility or appointment candidates exist, and either no normal
 *       candidate exists or the centre has made fewer than {@code priorityQuota} consecutive priority calls
 *       while normal tickets waited, call the best priority candidate: accessibility and appointment alike,
 *       oldest issue first. Calling a normal ticket resets the centre's counter.</li>
 *   <li><b>Weighted wait.</b> Otherwise call the normal candidate with the highest score
 *       {@code weight x (wait + 60 s)}; the 60 s make the weight count even for a ticket issued just now.</li>
 * </ol>
 * Ties are broken by earlier issue, then lower ticket number.
 *
 * <p><b>Cost.</b> Each centre keeps one line per service and priority class, ordered by issue time, so the
 * oldest (and, within one line, best scoring) ticket is the line's head. The centre also keeps, per class, a
 * bitset of the services whose line is non-empty; the window keeps its skills as a bitset over services. A call
 * ANDs the two word by word and looks only at the heads of lines that are both served and non-empty (plus the
 * window's own transfers), never at empty lines and never at the whole queue. The order in which candidates are
 * considered does not matter: every comparison is a total order (issue time, then number).
 *
 * <p>The instance only holds the scratch of the call in progress (so a call allocates nothing); the answer
 * depends on the arguments alone. Engine thread only.
 */
public final class CallNextPolicy
{
    private static final long SCORE_BIAS_MS = 60_000L;
    private static final int NORMAL = PriorityClass.NORMAL.code();
    private static final int ACCESSIBILITY = PriorityClass.ACCESSIBILITY.code();
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();

    private Ticket oldest;
    private Ticket bestPriority;
    private Ticket bestNormal;
    private long bestNormalScore;
    private boolean normalWaiting;

    /**
     * Picks the ticket the window should call.
     *
     * @param centre            state of the window's centre
     * @param window            the calling window
     * @param nowMs             engine time
     * @param escalationMs      wait from which a ticket is called first
     * @param priorityQuota     consecutive priority calls allowed while normal tickets wait
     * @return the ticket to call, or {@code null} when the window has no candidate
     */
    public Ticket pick(final CentreState centre, final WindowState window, final long nowMs,
        final long escalationMs, final int priorityQuota)
    {
        oldest = null;
        bestPriority = null;
        bestNormal = null;
        bestNormalScore = Long.MIN_VALUE;
        normalWaiting = false;
        for (int word = 0; word < centre.lineWords(); word++)
        {
            final long skills = window.skillBits(word);
            if (skills != 0)
            {
                considerLines(centre, window, NORMAL, word, skills & centre.waitingLines(NORMAL, word), nowMs);
                considerLines(centre, window, ACCESSIBILITY, word,
                    skills & centre.waitingLines(ACCESSIBILITY, word), nowMs);
                considerLines(centre, window, APPOINTMENT, word, skills & centre.waitingLines(APPOINTMENT, word),
                    nowMs);
            }
        }
        final TicketQueue transfers = window.transfers();
        for (Ticket t = transfers.head(); t != null; t = t.next())
        {
            consider(t, window.weightOf(t.currentService()), nowMs);
        }
        if (oldest == null)
        {
            return null;
        }
        if (nowMs - oldest.issuedMs() >= escalationMs)
        {
            return oldest;
        }
        if (bestPriority != null && (!normalWaiting || centre.consecutivePriorityCalls() < priorityQuota))
        {
            return bestPriority;
        }
        return bestNormal;
    }

    /** @return whether the last {@link #pick} saw a normal candidate (the quota counts only such calls). */
    public boolean normalWaiting()
    {
        return normalWaiting;
    }

    /** Considers the heads of the lines of one class whose services are the set bits of {@code lines}. */
    private void considerLines(final CentreState centre, final WindowState window, final int priority,
        final int word, final long lines, final long nowMs)
    {
        long bits = lines;
        while (bits != 0)
        {
            final int service = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            final int weight = priority == NORMAL ? window.weightOf(service) : 0;
            consider(centre.serviceQueue(service, priority).head(), weight, nowMs);
        }
    }

    private void consider(final Ticket ticket, final int weight, final long nowMs)
    {
        if (ticket == null)
        {
            return;
        }
        if (oldest == null || ticket.isBefore(oldest))
        {
            oldest = ticket;
        }
        if (ticket.priority() != NORMAL)
        {
            if (bestPriority == null || ticket.isBefore(bestPriority))
            {
                bestPriority = ticket;
            }
            return;
        }
        normalWaiting = true;
        final long score = weight * (nowMs - ticket.issuedMs() + SCORE_BIAS_MS);
        if (score > bestNormalScore || (score == bestNormalScore && ticket.isBefore(bestNormal)))
        {
            bestNormal = ticket;
            bestNormalScore = score;
        }
    }
}

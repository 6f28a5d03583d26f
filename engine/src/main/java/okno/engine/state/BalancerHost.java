package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;
import okno.engine.balancer.Balancer;
import okno.engine.balancer.BalancerMode;
import okno.engine.balancer.BalancerRules;
import okno.engine.balancer.LoadProbe;
import okno.engine.balancer.ProposalList;

/**
 * Runs the {@link Balancer} inside the state machine: evaluates it on ticks, reports new proposals
 * ({@link EventType#PROPOSAL_MADE}), carries proposals out in auto mode or on an operator's
 * {@link okno.engine.api.CommandType#ACCEPT_PROPOSAL} ({@link EventType#PROPOSAL_ACCEPTED}, then the move's
 * {@link EventType#STAFF_MOVED}), and lets the balancer read the network as a {@link LoadProbe}.
 * Engine thread only; allocation free.
 */
final class BalancerHost implements LoadProbe
{
    final Balancer balancer;
    private final ProposalList proposals;
    private final NetworkState state;

    BalancerHost(final NetworkState state, final BalancerRules rules)
    {
        this.state = state;
        this.balancer = new Balancer(state.centres.length, state.staff.length, rules);
        this.proposals = balancer.proposals();
    }

    /** A tick: evaluate when due; in auto mode carry out every proposal that is still possible. */
    void onTick()
    {
        if (!balancer.due(state.nowMs))
        {
            return;
        }
        balancer.evaluate(state.nowMs, this);
        for (int i = 0; i < proposals.count(); i++)
        {
            if (proposals.isNew(i))
            {
                proposalEvent(EventType.PROPOSAL_MADE, i);
                state.publish();
            }
        }
        if (balancer.mode() == BalancerMode.AUTO)
        {
            while (proposals.count() > 0)
            {
                carryOut(0);
            }
        }
    }

    Result setMode(final Command c)
    {
        final BalancerMode mode = BalancerMode.fromCode(c.flag);
        if (mode == null)
        {
            return Result.BAD_FLAG;
        }
        balancer.mode(mode);
        state.event(EventType.BALANCER_MODE).flag = mode.code();
        state.publish();
        return Result.OK;
    }

    Result accept(final Command c)
    {
        final int i = proposals.find(c.flag);
        if (i < 0)
        {
            return Result.UNKNOWN_PROPOSAL;
        }
        final Result free = state.checkMovable(proposals.staff(i));
        if (free != Result.OK)
        {
            return free;
        }
        carryOut(i);
        return Result.OK;
    }

    private void carryOut(final int i)
    {
        final int member = proposals.staff(i);
        final int target = proposals.to(i);
        final int id = proposals.id(i);
        if (state.checkMovable(member) == Result.OK && state.staff[member].centre != target)
        {
            proposalEvent(EventType.PROPOSAL_ACCEPTED, i);
            state.publish();
            state.moveStaff(member, target, id);
        }
        proposals.remove(i);
    }

    private void proposalEvent(final EventType type, final int i)
    {
        final EngineEvent e = state.event(type);
        e.staff = proposals.staff(i);
        e.centre = proposals.from(i);
        e.targetCentre = proposals.to(i);
        e.flag = proposals.id(i);
        e.durationMs = proposals.score(i);
    }

    // ------------------------------------------------------------------ LoadProbe

    @Override
    public int centreCount()
    {
        return state.centres.length;
    }

    @Override
    public int staffCount()
    {
        return state.staff.length;
    }

    @Override
    public boolean isOpen(final int centre)
    {
        return state.isOpen(state.centres[centre], state.nowMs);
    }

    @Override
    public int windows(final int centre)
    {
        return state.centres[centre].windows.length;
    }

    @Override
    public int openWindows(final int centre)
    {
        return state.centres[centre].openWindows;
    }

    @Override
    public int waiting(final int centre)
    {
        return state.centres[centre].stateCounts[TicketState.WAITING.code()];
    }

    @Override
    public long backlogMs(final int centre)
    {
        final CentreState cs = state.centres[centre];
        if (cs.stateCounts[TicketState.WAITING.code()] == 0)
        {
            return 0;
        }
        long work = 0;
        for (int s = 0; s < state.serviceCount; s++)
        {
            final int waiting = cs.waitingFor(s);
            if (waiting > 0)
            {
                work += waiting * state.eta.serviceMs(centre, s);
            }
        }
        return work;
    }

    @Override
    public int serviceCount()
    {
        return state.serviceCount;
    }

    @Override
    public int waitingFor(final int centre, final int service)
    {
        return state.centres[centre].waitingFor(service);
    }

    @Override
    public long serviceMs(final int centre, final int service)
    {
        return state.eta.serviceMs(centre, service);
    }

    @Override
    public int openHaving(final int centre, final int service)
    {
        return state.centres[centre].load.openServing(service);
    }

    @Override
    public int closedHaving(final int centre, final int service)
    {
        return state.centres[centre].closedHaving(service);
    }

    @Override
    public boolean trained(final int staff, final int service)
    {
        return (state.staff[staff].skills[service >>> 6] & 1L << service) != 0;
    }

    @Override
    public long issuedToday(final int centre)
    {
        return state.centres[centre].tickets.count();
    }

    @Override
    public boolean anyTravelling()
    {
        return state.nextArrivalMs != Long.MAX_VALUE;
    }

    @Override
    public int staffMode(final int staff)
    {
        return state.staff[staff].mode.code();
    }

    @Override
    public int staffCentre(final int staff)
    {
        final StaffState s = state.staff[staff];
        return s.mode == StaffMode.TRAVELLING ? s.targetCentre : s.centre;
    }

    @Override
    public boolean idleAtWindow(final int staff)
    {
        final StaffState s = state.staff[staff];
        if (s.mode != StaffMode.AT_WINDOW)
        {
            return false;
        }
        final CentreState centre = state.centres[s.centre];
        final WindowState w = centre.windows[s.window];
        return w.mode == WindowMode.OPEN && w.current == TicketTable.NONE
            && centre.lines.size(centre.transferLine(w.index)) == 0;
    }

    @Override
    public long travelMs(final int from, final int to)
    {
        return state.travelMs(from, to);
    }
}

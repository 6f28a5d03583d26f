package okno.server.sim;

/**
 * Kinds of the simulator's future events in the {@link EventHeap}, with what their two arguments mean.
 */
final class SimEvent
{
    /** A visitor arrives (visitor). */
    static final int ARRIVE = 1;
    /** A called visitor reached the window (window). */
    static final int START = 2;
    /** A window's service is done (window). */
    static final int COMPLETE = 3;
    /** A called visitor did not come: recall or no-show (window). */
    static final int RECALL = 4;
    /** A centre opens the windows of its plan for the hour (centre, hour). */
    static final int PLAN = 5;
    /** The engine's minute tick, rescue and local standby help. */
    static final int TICK = 6;
    /** A queue-length sample of every centre. */
    static final int SAMPLE = 7;
    /** A ticket for a service waits at a centre (centre, service). */
    static final int WAKE = 8;
    /** A moved member arrived at a centre (member, centre). */
    static final int DEPLOY = 9;
    /** A member's break is due (member, break number). */
    static final int BREAK = 10;
    /** A break is over (window, member). */
    static final int BREAK_END = 11;
    /** A member's shift is over (member). */
    static final int SHIFT_END = 12;
    /** A member whose work away is done goes home (member). */
    static final int SEND_HOME = 13;
    /** A standby pool member's shift starts (member). */
    static final int POOL_START = 14;
    /** A deployed member's stint is over (window, member). */
    static final int STINT_END = 15;

    private SimEvent()
    {
    }
}

package okno.engine.state;

import okno.engine.api.StaffMode;

/** One staff member: where they are, what they do, their travel and the ratings of the visits they served. */
final class StaffState
{
    final int index;
    final int homeCentre;
    final boolean standbyPool;
    /** Services the member is trained for, a bitset as {@link WindowSkills#bits}: they serve them at any window. */
    final long[] skills;

    StaffMode mode;
    int centre;
    int window = -1;
    int targetCentre = -1;
    long arrivalMs;
    long ratingSum;
    int ratingCount;

    StaffState(final int index, final int homeCentre, final boolean standbyPool, final long[] skills)
    {
        this.index = index;
        this.homeCentre = homeCentre;
        this.standbyPool = standbyPool;
        this.skills = skills;
        startDay();
    }

    /** Starts a working day at home: standby pool members are on standby, the others off. */
    void startDay()
    {
        mode = standbyPool ? StaffMode.STANDBY : StaffMode.OFF;
        centre = homeCentre;
        window = -1;
    }

    /** Mode after leaving a window: back to the pool state of the member. */
    StaffMode idleMode()
    {
        return standbyPool ? StaffMode.STANDBY : StaffMode.OFF;
    }
}

package okno.server.sim;

/** Told where a simulation run is, for a progress bar; calls come from the simulating thread. */
public interface Progress
{
    /** Reports nothing. */
    Progress NONE = (day, hour) ->
    {
    };

    /** The run reached a local hour of its {@code day}-th simulated day (0-based). */
    void hour(int day, int hour);
}

package okno.engine.api;

import java.util.List;

/**
 * What a hall display or the network map shows of one centre, built by {@link NetworkView#centreSummary}.
 *
 * @param centre      centre index
 * @param openWindows windows open now
 * @param waiting     tickets waiting (including window transfers)
 * @param postponed   tickets postponed
 * @param servedToday visits completed today
 * @param meanWaitMs  mean wait from issue to first call today, 0 when no call yet
 * @param maxWaitMs   longest such wait today
 * @param services    one line per service offered at the centre, in service index order
 * @param growthPerHour how fast the line grew (negative: shrank) over about the last quarter of an hour, waiting
 *                    visitors per hour, as the balancer measures it each minute
 */
public record CentreSummary(int centre, int openWindows, int waiting, int postponed, int servedToday,
    long meanWaitMs, long maxWaitMs, List<ServiceLine> services, double growthPerHour)
{
    public CentreSummary
    {
        services = List.copyOf(services);
    }
}

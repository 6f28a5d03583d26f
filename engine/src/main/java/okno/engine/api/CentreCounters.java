package okno.engine.api;

/**
 * Today's counters of one centre, built by {@link NetworkView#counters}. Ticket counts by state always add up:
 * {@code issued = waiting + called + serving + done + noShow + postponed + cancelled}.
 *
 * @param centre            centre index
 * @param issued            tickets issued today
 * @param waiting           waiting now
 * @param called            called now
 * @param serving           being served now
 * @param done              visits completed
 * @param noShow            visitors who did not come after the calls
 * @param postponed         postponed now
 * @param cancelled         cancelled
 * @param servicesCompleted completed services (a multi-service visit counts once per service)
 * @param waitSumMs         sum of waits from issue to first call
 * @param waitCount         number of such waits
 * @param maxWaitMs         longest such wait
 * @param ratingSum         sum of ratings
 * @param ratingCount       number of ratings
 */
public record CentreCounters(int centre, int issued, int waiting, int called, int serving, int done, int noShow,
    int postponed, int cancelled, int servicesCompleted, long waitSumMs, int waitCount, long maxWaitMs,
    long ratingSum, int ratingCount)
{
}

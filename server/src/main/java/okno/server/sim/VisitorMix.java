package okno.server.sim;

/**
 * Shares and distributions of the simulated visitors.
 *
 * @param multiServiceShare  visits with two services
 * @param accessibilityShare visitors with accessibility priority
 * @param appointmentShare   visitors who booked ahead
 * @param noShowShare        visitors who do not answer their first service's calls
 * @param serviceTimeCv      coefficient of variation of service times (log-normal); 1 with
 *                           {@code exponential} means exponential instead
 * @param exponential        service times exponential (for M/M/c checks)
 * @param flatArrivals       constant arrival rate through opening hours, no weekday effect
 * @param walkMs             time from the call to the start of service
 */
record VisitorMix(double multiServiceShare, double accessibilityShare, double appointmentShare,
    double noShowShare, double serviceTimeCv, boolean exponential, boolean flatArrivals, long walkMs)
{
    /** The city: 1 in 10 multi-service, 3 % accessibility, 10 % appointments, 3 % no-shows, CV 0.5, 30 s walk. */
    static final VisitorMix CITY = new VisitorMix(0.10, 0.03, 0.10, 0.03, 0.5, false, false, 30_000L);
    /** A textbook M/M/c queue: single services, no priorities, exponential times, flat arrivals, no walking. */
    static final VisitorMix MMC = new VisitorMix(0, 0, 0, 0, 1.0, true, true, 0);
}

package okno.engine.api;

/**
 * One waiting ticket of a service line, built by {@link NetworkView#queue}.
 *
 * @param ticket       packed number
 * @param priority     priority class code
 * @param issuedMs     original issue time
 * @param targetWindow window it was transferred to, -1 when any window serving the service may call it
 */
public record QueueEntry(int ticket, int priority, long issuedMs, int targetWindow)
{
}

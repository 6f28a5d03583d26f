package okno.protocol.api;

import java.util.List;

/** Request bodies of the HTTP API; fields are boxed so that a missing one is detected, not defaulted. */
final class Bodies
{
    private Bodies()
    {
    }

    /** {@code POST /api/centres/{c}/tickets}. */
    record TakeTicket(List<String> services, String priority, String requestId)
    {
    }

    /** {@code POST .../windows/{w}/open}. */
    record OpenWindow(String staffId)
    {
    }

    /** {@code POST .../windows/{w}/transfer}: exactly one of the two. */
    record Transfer(String service, String window)
    {
    }

    /** {@code POST .../windows/{w}/rating}. */
    record Rating(Integer score)
    {
    }

    /** {@code POST /api/centres/{c}/appointments}. */
    record Booking(String service, String slot, String requestId)
    {
    }

    /** {@code POST /api/centres/{c}/appointments/{code}/check-in} (optional body). */
    record CheckIn(String requestId)
    {
    }

    /** {@code POST /api/network/staff/{s}/assign}. */
    record Assignment(String centre)
    {
    }

    /** {@code POST /api/network/balancer/mode}: {@code manual} or {@code auto}. */
    record BalancerModeChange(String mode)
    {
    }
}

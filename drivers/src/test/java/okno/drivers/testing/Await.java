package okno.drivers.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition on simulator state that has no listener to latch on.
 */
public final class Await
{
    private Await()
    {
    }

    /**
     * @param condition   condition
     * @param description for the failure message
     * @param timeoutMs   longest wait
     */
    public static void until(final BooleanSupplier condition, final String description, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("not within " + timeoutMs + " ms: " + description);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}

package okno.engine.pipeline;

import okno.engine.api.Command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-shot reply that a caller thread waits for; used by {@link EnginePipeline#call}. */
final class BlockingReply implements ReplyListener
{
    private final CountDownLatch done = new CountDownLatch(1);
    private final Command copy = new Command();

    @Override
    public void onReply(final long correlation, final Command command)
    {
        copy.copyRequestFrom(command);
        copy.result = command.result;
        copy.duplicate = command.duplicate;
        copy.resultTicket = command.resultTicket;
        copy.resultPosition = command.resultPosition;
        copy.resultEtaSeconds = command.resultEtaSeconds;
        copy.resultAppointmentCode = command.resultAppointmentCode;
        copy.resultSlotMs = command.resultSlotMs;
        done.countDown();
    }

    Command await(final long timeoutMs)
    {
        try
        {
            if (!done.await(timeoutMs, TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException("no reply within " + timeoutMs + " ms");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reply", ex);
        }
        return copy;
    }
}

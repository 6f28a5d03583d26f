package okno.engine.pipeline;

import okno.engine.api.Command;

/**
 * Receives the outcome of a submitted command once it is applied and journaled. Called on the publisher
 * thread, in ring order; must be quick and must copy what it keeps, since the slot is reused afterwards.
 */
@FunctionalInterface
public interface ReplyListener
{
    /**
     * @param correlation the value given at submission, e.g. a connection's request id
     * @param command     the slot with its request and result fields, valid only during this call
     */
    void onReply(long correlation, Command command);
}

package okno.engine.pipeline;

/**
 * A {@link ReplyListener} that is also told when the publisher reaches the end of a Disruptor batch that held
 * at least one of its replies: it can gather the replies of a batch and hand them on at once, e.g. one socket
 * write and one thread hand-off per batch instead of one per command.
 */
public interface BatchReplyListener extends ReplyListener
{
    /**
     * Called on the publisher thread after the last reply of a batch, at least once after any reply (more
     * calls, also without a reply in between, may come and must be harmless).
     */
    void onEndOfBatch();
}

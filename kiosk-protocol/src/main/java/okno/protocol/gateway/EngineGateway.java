package okno.protocol.gateway;

import okno.engine.api.Command;
import okno.engine.api.NetworkView;
import okno.engine.pipeline.CommandTranslator;
import okno.engine.pipeline.ReplyListener;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The way from the network edges into the engine. Implemented by the server over the journaled pipeline.
 * Commands and queries submitted from one thread are applied and answered in submission order.
 */
public interface EngineGateway
{
    /**
     * Claims a slot, lets {@code fill} write the request (time is stamped by the gateway), publishes it, and
     * calls {@code reply} with the slot after the command is applied and journaled.
     *
     * @param fill  writes request fields; called on the caller's thread
     * @param reply reads result fields; called on the engine's publisher thread; the slot is valid only then.
     *              It must not block and must not submit to the gateway itself (the ring may be full).
     */
    void submit(Consumer<Command> fill, Consumer<Command> reply);

    /**
     * Submits {@code count} commands at once, in order, without allocating: the translator fills the slot of
     * {@code args[offset + i]}, whose reply reaches {@code listener} with {@code correlations[offset + i]} on the
     * engine's publisher thread (a {@link okno.engine.pipeline.BatchReplyListener} also hears of each batch end).
     * The listener must not block and must not submit to the gateway itself. Waits while the ring lacks room.
     *
     * @param count commands, at least 1 and at most the ring size
     */
    <A> void submitBatch(CommandTranslator<A> translator, A[] args, long[] correlations, int offset, int count,
        ReplyListener listener);

    /**
     * Runs a read-only query on the engine thread between commands and completes {@code result} with its value
     * on the publisher thread, in command order: after the events of every earlier command were handed to
     * subscribers and before those of any later one. Dependents attached to {@code result} before this call
     * therefore run at exactly that point; they must not block nor submit to the gateway.
     *
     * @param reader reads the view; an exception it throws completes {@code result} exceptionally
     * @param result completed with the reader's value
     */
    <T> void query(Function<NetworkView, T> reader, CompletableFuture<T> result);

    /**
     * Runs a read-only query on the engine thread between commands.
     *
     * @return the reader's result, completed on the engine's publisher thread
     */
    default <T> CompletableFuture<T> query(final Function<NetworkView, T> reader)
    {
        final CompletableFuture<T> result = new CompletableFuture<>();
        query(reader, result);
        return result;
    }
}

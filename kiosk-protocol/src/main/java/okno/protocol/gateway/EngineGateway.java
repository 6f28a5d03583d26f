package okno.protocol.gateway;

import okno.engine.api.Command;
import okno.engine.api.NetworkView;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The way from the network edges into the engine. Implemented by the server over the journaled pipeline.
 * Commands submitted from one thread are applied and answered in submission order.
 */
public interface EngineGateway
{
    /**
     * Claims a slot, lets {@code fill} write the request (time is stamped by the gateway), publishes it, and
     * calls {@code reply} with the slot after the command is applied and journaled.
     *
     * @param fill  writes request fields; called on the caller's thread
     * @param reply reads result fields; called on the engine's publisher thread; the slot is valid only then
     */
    void submit(Consumer<Command> fill, Consumer<Command> reply);

    /**
     * Runs a read-only query on the engine thread between commands.
     *
     * @return the reader's result, completed on the engine thread
     */
    <T> CompletableFuture<T> query(Function<NetworkView, T> reader);
}

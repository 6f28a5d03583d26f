package okno.protocol.api;

import okno.engine.api.Command;
import okno.engine.api.NetworkView;
import okno.protocol.gateway.EngineGateway;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** Future-returning calls into the engine for the HTTP resources (allocation is fine on this path). */
final class EngineCalls
{
    private final EngineGateway gateway;

    EngineCalls(final EngineGateway gateway)
    {
        this.gateway = gateway;
    }

    /** Submits a command; completes with its outcome after it is applied and journaled. */
    CompletableFuture<CommandOutcome> execute(final Consumer<Command> fill)
    {
        final CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
        gateway.submit(fill, slot -> outcome.complete(CommandOutcome.of(slot)));
        return outcome;
    }

    /** Submits a command; completes with its outcome, failing with the mapped 4xx when it was rejected. */
    CompletableFuture<CommandOutcome> executeOk(final Consumer<Command> fill)
    {
        return execute(fill).thenApply(outcome ->
        {
            EngineResults.check(outcome.result());
            return outcome;
        });
    }

    /** Reads the state on the engine thread; completes on the publisher thread. */
    <T> CompletableFuture<T> query(final Function<NetworkView, T> reader)
    {
        return gateway.query(reader);
    }

    /** Reads the state on the engine thread and completes {@code result} in command order. */
    <T> void query(final Function<NetworkView, T> reader, final CompletableFuture<T> result)
    {
        gateway.query(reader, result);
    }
}

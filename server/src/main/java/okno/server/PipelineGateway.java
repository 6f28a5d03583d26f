package okno.server;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.NetworkView;
import okno.engine.pipeline.CommandTranslator;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.ReplyListener;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.metrics.MetricsEndpoint;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The edges' way into the journaled pipeline; counts every answered command for /metrics. */
final class PipelineGateway implements EngineGateway
{
    private static final CommandTranslator<Consumer<Command>> FILL = (command, fill) -> fill.accept(command);

    private final EnginePipeline pipeline;
    private final MetricsEndpoint metrics;

    PipelineGateway(final EnginePipeline pipeline, final MetricsEndpoint metrics)
    {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    @Override
    public void submit(final Consumer<Command> fill, final Consumer<Command> reply)
    {
        final ReplyListener listener = (correlation, command) ->
        {
            metrics.onCommand(command);
            reply.accept(command);
        };
        pipeline.submit(FILL, fill, listener, 0);
    }

    @Override
    public <T> CompletableFuture<T> query(final Function<NetworkView, T> reader)
    {
        final CompletableFuture<T> result = new CompletableFuture<>();
        pipeline.submit(FILL, command ->
        {
            command.type = CommandType.QUERY;
            command.query = view ->
            {
                try
                {
                    result.complete(reader.apply(view));
                }
                catch (final RuntimeException ex)
                {
                    result.completeExceptionally(ex);
                }
            };
        }, null, 0);
        return result;
    }
}

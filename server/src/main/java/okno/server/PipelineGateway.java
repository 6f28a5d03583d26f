package okno.server;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineQuery;
import okno.engine.api.NetworkView;
import okno.engine.api.Result;
import okno.engine.pipeline.CommandTranslator;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.ReplyListener;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.metrics.MetricsEndpoint;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The edges' way into the journaled pipeline; shows every answered command to /metrics. */
final class PipelineGateway implements EngineGateway
{
    private static final CommandTranslator<Consumer<Command>> FILL = (command, fill) -> fill.accept(command);
    private static final CommandTranslator<EngineQuery> QUERY = (command, query) ->
    {
        command.type = CommandType.QUERY;
        command.query = query;
    };

    private final EnginePipeline pipeline;

    PipelineGateway(final EnginePipeline pipeline, final MetricsEndpoint metrics)
    {
        this.pipeline = pipeline;
        pipeline.addReplyObserver((correlation, command) -> metrics.onCommand(command));
    }

    @Override
    public void submit(final Consumer<Command> fill, final Consumer<Command> reply)
    {
        pipeline.submit(FILL, fill, (correlation, command) -> reply.accept(command), 0);
    }

    @Override
    public <A> void submitBatch(final CommandTranslator<A> translator, final A[] args, final long[] correlations,
        final int offset, final int count, final ReplyListener listener)
    {
        pipeline.submitBatch(translator, args, correlations, offset, count, listener);
    }

    @Override
    public <T> void query(final Function<NetworkView, T> reader, final CompletableFuture<T> result)
    {
        final QueryCall<T> call = new QueryCall<>(reader, result);
        pipeline.submit(QUERY, call, call, 0);
    }

    /**
     * Reads on the engine thread, answers on the publisher thread: the publisher sees the slot after the
     * engine (the Disruptor orders the two), so the plain fields are safely handed over.
     */
    private static final class QueryCall<T> implements EngineQuery, ReplyListener
    {
        private final Function<NetworkView, T> reader;
        private final CompletableFuture<T> result;
        private T value;
        private RuntimeException failure;

        QueryCall(final Function<NetworkView, T> reader, final CompletableFuture<T> result)
        {
            this.reader = reader;
            this.result = result;
        }

        @Override
        public void read(final NetworkView view)
        {
            try
            {
                value = reader.apply(view);
            }
            catch (final RuntimeException ex)
            {
                failure = ex;
            }
        }

        @Override
        public void onReply(final long correlation, final Command command)
        {
            if (failure != null)
            {
                result.completeExceptionally(failure);
            }
            else if (command.result != Result.OK)
            {
                result.completeExceptionally(new IllegalStateException("query refused: " + command.result));
            }
            else
            {
                result.complete(value);
            }
        }
    }
}

package okno.protocol.binary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import okno.engine.api.Command;
import okno.engine.pipeline.BatchReplyListener;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.RejectedExecutionException;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static okno.protocol.binary.BinaryProtocol.HEADER_LENGTH;
import static okno.protocol.binary.BinaryProtocol.LENGTH_FIELD;
import static okno.protocol.binary.BinaryProtocol.RESULT;
import static okno.protocol.binary.BinaryProtocol.RESULT_BODY_LENGTH;
import static okno.protocol.binary.BinaryProtocol.SCHEMA_VERSION;

/**
 * The answers of one binary connection on their way from the engine to the socket, in order. On the engine's
 * publisher thread the RESULT frames of a Disruptor batch are encoded into one buffer that is handed to the
 * connection's event loop once per batch: one task, one write and one flush per batch instead of per command.
 * On the event loop it counts the answers in flight and stops reading from the connection while too many are
 * in flight or the socket does not drain (back-pressure that never makes the engine wait).
 */
final class AnswerOutbox implements BatchReplyListener
{
    /** Answers in flight after which the connection stops reading until half are written. */
    static final int MAX_IN_FLIGHT = 4096;
    private static final int RESULT_FRAME_LENGTH = LENGTH_FIELD + HEADER_LENGTH + RESULT_BODY_LENGTH;
    private static final int FIRST_CAPACITY = 64 * RESULT_FRAME_LENGTH;

    private final Channel channel;
    private final Runnable writeReady = this::writeReady;

    /** Publisher thread only: the frames of the current batch, their count and whether to close after them. */
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[RESULT_FRAME_LENGTH]);
    private ByteBuf batch;
    private int batchCount;
    private boolean batchCloses;

    /** Handed from the publisher thread to the event loop under this lock. */
    private final Object handOff = new Object();
    private ByteBuf ready;
    private int readyCount;
    private boolean readyCloses;
    private boolean scheduled;

    /** Event loop only: answers expected and not yet written. */
    private int inFlight;

    AnswerOutbox(final Channel channel)
    {
        this.channel = channel;
        frame.putInt(0, HEADER_LENGTH + RESULT_BODY_LENGTH, LITTLE_ENDIAN);
        frame.putShort(LENGTH_FIELD + BinaryProtocol.TEMPLATE_OFFSET, (short)RESULT,
            LITTLE_ENDIAN);
        frame.putShort(LENGTH_FIELD + BinaryProtocol.VERSION_OFFSET, (short)SCHEMA_VERSION,
            LITTLE_ENDIAN);
    }

    /** Event loop: one more answer will come; stops reading at the limit. */
    void expect()
    {
        if (++inFlight >= MAX_IN_FLIGHT)
        {
            channel.config().setAutoRead(false);
        }
    }

    /** Event loop: @return whether every expected answer is written, so an answer may go out at once. */
    boolean idle()
    {
        return inFlight == 0;
    }

    /** Event loop: reads again once the socket drains, unless too many answers are in flight. */
    void writabilityChanged()
    {
        channel.config().setAutoRead(channel.isWritable() && inFlight < MAX_IN_FLIGHT);
    }

    /** Publisher thread: encodes the RESULT frame of a command answered to this connection. */
    @Override
    public void onReply(final long correlation, final Command command)
    {
        frame.putLong(LENGTH_FIELD + BinaryProtocol.CORRELATION_OFFSET, correlation,
            LITTLE_ENDIAN);
        ResultMessage.encode(command, frame, LENGTH_FIELD + HEADER_LENGTH);
        batch().writeBytes(frame.byteArray(), 0, RESULT_FRAME_LENGTH);
        batchCount++;
    }

    @Override
    public void onEndOfBatch()
    {
        if (batch == null)
        {
            return;
        }
        boolean schedule;
        synchronized (handOff)
        {
            if (ready == null)
            {
                ready = batch;
            }
            else
            {
                ready.writeBytes(batch);
                batch.release();
            }
            readyCount += batchCount;
            readyCloses |= batchCloses;
            schedule = !scheduled;
            scheduled = true;
        }
        batch = null;
        batchCount = 0;
        batchCloses = false;
        if (schedule)
        {
            try
            {
                channel.eventLoop().execute(writeReady);
            }
            catch (final RejectedExecutionException ex)
            {
                // The endpoint is shutting down: nobody will read these answers.
                synchronized (handOff)
                {
                    ready.release();
                    ready = null;
                }
            }
        }
    }

    /**
     * Publisher thread: queues a frame the session made itself (an error, HELLO_OK) behind the answers so far
     * and hands them over at once; takes ownership of {@code out}.
     *
     * @param close whether to close the connection once it is written
     */
    void appendBehind(final ByteBuf out, final boolean close)
    {
        batch().writeBytes(out);
        out.release();
        batchCount++;
        batchCloses |= close;
        onEndOfBatch();
    }

    private ByteBuf batch()
    {
        if (batch == null)
        {
            batch = channel.alloc().directBuffer(FIRST_CAPACITY);
        }
        return batch;
    }

    /** Event loop: writes what the publisher handed over and resumes reading below half the limit. */
    private void writeReady()
    {
        final ByteBuf out;
        final int count;
        final boolean close;
        synchronized (handOff)
        {
            out = ready;
            count = readyCount;
            close = readyCloses;
            ready = null;
            readyCount = 0;
            readyCloses = false;
            scheduled = false;
        }
        if (out == null)
        {
            return;
        }
        inFlight -= count;
        if (close)
        {
            channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.writeAndFlush(out, channel.voidPromise());
        if (!channel.config().isAutoRead() && inFlight <= MAX_IN_FLIGHT / 2 && channel.isWritable())
        {
            channel.config().setAutoRead(true);
        }
    }
}

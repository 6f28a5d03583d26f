package okno.protocol.binary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import okno.config.NetworkIndex;
import okno.config.Role;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.protocol.auth.Principal;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.http.ApiException;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static okno.protocol.binary.BinaryProtocol.*;

/**
 * One binary-protocol connection: HELLO authenticates, COMMAND frames go to the engine in order and are
 * answered in order. Every answer is written on the connection's event loop; an answer that the session
 * makes itself (HELLO_OK, ERROR) while engine answers are still in flight travels behind them through the
 * engine as an empty query, so answers never overtake each other. Back-pressure: with too many answers in
 * flight or an unwritable channel (a client that does not read) the connection stops reading; the engine
 * and other clients never wait for it.
 */
final class BinarySessionHandler extends ChannelInboundHandlerAdapter
{
    /** Commands in flight after which this connection stops reading until half are answered. */
    static final int MAX_IN_FLIGHT = 4096;

    private static final System.Logger LOG = System.getLogger(BinarySessionHandler.class.getName());

    private final EngineGateway gateway;
    private final TokenAuthenticator authenticator;
    private final NetworkIndex index;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[MAX_FRAME_LENGTH]);
    private final Command scratch = new Command().clear();
    /** The connection; set when the handler is added (one handler per connection). */
    private Channel channel;
    /** Answers not yet written; touched only on the event loop. */
    private int inFlight;
    private Principal principal;
    private int principalCentre = -1;

    BinarySessionHandler(final EngineGateway gateway, final TokenAuthenticator authenticator,
        final NetworkIndex index)
    {
        this.gateway = gateway;
        this.authenticator = authenticator;
        this.index = index;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf in = (ByteBuf)msg;
        final int length = in.readableBytes();
        try
        {
            in.readBytes(frame.byteArray(), 0, length);
        }
        finally
        {
            in.release();
        }
        if (length < HEADER_LENGTH)
        {
            answer(ctx.channel(), 0, ERROR_MALFORMED, "frame shorter than the 12-byte header");
            return;
        }
        final long correlation = frame.getLong(CORRELATION_OFFSET, LITTLE_ENDIAN);
        if ((frame.getShort(VERSION_OFFSET, LITTLE_ENDIAN) & 0xFFFF) != SCHEMA_VERSION)
        {
            answer(ctx.channel(), correlation, ERROR_UNSUPPORTED_VERSION, "schema version must be 1");
            return;
        }
        final int template = frame.getShort(TEMPLATE_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
        switch (template)
        {
            case HELLO -> onHello(ctx.channel(), correlation, length);
            case COMMAND -> onCommand(ctx, correlation, length);
            default -> answer(ctx.channel(), correlation, ERROR_UNKNOWN_TEMPLATE,
                "unknown message template " + template);
        }
    }

    private void onHello(final Channel channel, final long correlation, final int length)
    {
        final int tokenLength = length >= HEADER_LENGTH + 2 ? frame.getShort(HEADER_LENGTH, LITTLE_ENDIAN) & 0xFFFF : -1;
        if (tokenLength < 0 || HEADER_LENGTH + 2 + tokenLength != length)
        {
            answer(channel, correlation, ERROR_MALFORMED, "HELLO token length does not match the frame");
            return;
        }
        final String token = frame.getStringWithoutLengthAscii(HEADER_LENGTH + 2, tokenLength);
        try
        {
            principal = authenticator.authenticate("Bearer " + token);
        }
        catch (final ApiException ex)
        {
            answer(channel, correlation, ERROR_BAD_TOKEN, ex.getMessage());
            return;
        }
        principalCentre = principal.centre() == null ? -1 : index.centre(principal.centre());
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + 5);
        out.writeIntLE(HEADER_LENGTH + 5);
        writeHeader(out, HELLO_OK, correlation);
        out.writeByte(roleCode(principal.role()));
        out.writeIntLE(principalCentre);
        answer(channel, out, false);
    }

    private void onCommand(final ChannelHandlerContext ctx, final long correlation, final int length)
    {
        final Channel channel = ctx.channel();
        if (principal == null)
        {
            answer(channel, correlation, ERROR_NOT_AUTHENTICATED, "send HELLO with a token first");
            return;
        }
        if (length != HEADER_LENGTH + COMMAND_BODY_LENGTH
            || !CommandMessage.decode(frame, HEADER_LENGTH, scratch.clear()))
        {
            answer(channel, correlation, ERROR_MALFORMED,
                "COMMAND body must be " + COMMAND_BODY_LENGTH + " bytes with a known command type");
            return;
        }
        if (!allowed(scratch))
        {
            answer(channel, correlation, ERROR_FORBIDDEN,
                "role " + principal.role() + " may not send " + scratch.type + " for centre " + scratch.centre);
            return;
        }
        inFlight();
        gateway.submit(slot -> slot.copyRequestFrom(scratch), slot -> reply(channel, correlation, slot));
    }

    private boolean allowed(final Command command)
    {
        final Role role = principal.role();
        if (role == Role.OPERATOR)
        {
            return true;
        }
        if (role == Role.DISPLAY || command.centre != principalCentre)
        {
            return false;
        }
        final CommandType type = command.type;
        final boolean kioskCommand = type == CommandType.ISSUE_TICKET || type == CommandType.CANCEL_TICKET
            || type == CommandType.BOOK_APPOINTMENT || type == CommandType.CANCEL_APPOINTMENT
            || type == CommandType.CHECK_IN;
        final boolean networkCommand = type == CommandType.ASSIGN_STAFF || type == CommandType.SET_STANDBY;
        return role == Role.KIOSK ? kioskCommand : !kioskCommand && !networkCommand;
    }

    /** Counts one more answer in flight; stops reading at the limit. */
    private void inFlight()
    {
        if (++inFlight >= MAX_IN_FLIGHT)
        {
            channel.config().setAutoRead(false);
        }
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx.channel();
    }

    /** Called on the engine's publisher thread: encodes the result and hands it to the event loop. */
    private void reply(final Channel channel, final long correlation, final Command slot)
    {
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + RESULT_BODY_LENGTH);
        out.writeIntLE(HEADER_LENGTH + RESULT_BODY_LENGTH);
        writeHeader(out, RESULT, correlation);
        final int bodyIndex = out.writerIndex();
        out.writeZero(RESULT_BODY_LENGTH);
        ResultMessage.encode(slot, new UnsafeBuffer(out.nioBuffer(bodyIndex, RESULT_BODY_LENGTH)), 0);
        channel.eventLoop().execute(() -> written(out, false));
    }

    /** On the event loop: writes one answer that was in flight and resumes reading below half the limit. */
    private void written(final ByteBuf out, final boolean close)
    {
        inFlight--;
        if (close)
        {
            channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.writeAndFlush(out);
        if (!channel.config().isAutoRead() && inFlight <= MAX_IN_FLIGHT / 2 && channel.isWritable())
        {
            channel.config().setAutoRead(true);
        }
    }

    /**
     * Sends an answer made by the session itself: at once when nothing is in flight, else behind the engine
     * answers in flight (an empty query completes on the publisher thread after all of them).
     */
    private void answer(final Channel channel, final ByteBuf out, final boolean close)
    {
        if (inFlight == 0)
        {
            final ChannelFuture done = channel.writeAndFlush(out);
            if (close)
            {
                done.addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        inFlight();
        final CompletableFuture<Object> behind = new CompletableFuture<>();
        behind.whenComplete((ignored, failure) -> channel.eventLoop().execute(() -> written(out, close)));
        gateway.query(view -> null, behind);
    }

    private void answer(final Channel channel, final long correlation, final int code, final String text)
    {
        answer(channel, errorFrame(channel, correlation, code, text), false);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        channel.config().setAutoRead(ctx.channel().isWritable() && inFlight < MAX_IN_FLIGHT);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException)
        {
            answer(ctx.channel(), errorFrame(ctx.channel(), 0, ERROR_MALFORMED,
                "frame length exceeds " + MAX_FRAME_LENGTH + " bytes; closing"), true);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "binary connection error, closing", cause);
        ctx.close();
    }

    /** Stable wire code of a role (HELLO_OK). */
    static int roleCode(final Role role)
    {
        return switch (role)
        {
            case KIOSK -> 1;
            case TERMINAL -> 2;
            case DISPLAY -> 3;
            case OPERATOR -> 4;
        };
    }

    private static ByteBuf errorFrame(final Channel channel, final long correlation, final int code,
        final String text)
    {
        final byte[] message = text.getBytes(StandardCharsets.UTF_8);
        final int bodyLength = 4 + 2 + message.length;
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + bodyLength);
        out.writeIntLE(HEADER_LENGTH + bodyLength);
        writeHeader(out, ERROR, correlation);
        out.writeIntLE(code);
        out.writeShortLE(message.length);
        out.writeBytes(message);
        return out;
    }

    private static void writeHeader(final ByteBuf out, final int template, final long correlation)
    {
        out.writeShortLE(template);
        out.writeShortLE(SCHEMA_VERSION);
        out.writeLongLE(correlation);
    }
}

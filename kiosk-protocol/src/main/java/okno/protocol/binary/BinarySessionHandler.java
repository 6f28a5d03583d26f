package okno.protocol.binary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
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
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static okno.protocol.binary.BinaryProtocol.*;

/**
 * One binary-protocol connection: HELLO authenticates, COMMAND frames go to the engine in order and are
 * answered in order. Back-pressure: with too many answers in flight or an unwritable channel (a client
 * that does not read) the connection stops reading; the engine and other clients never wait for it.
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
    private final AtomicInteger inFlight = new AtomicInteger();
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
            sendError(ctx.channel(), 0, ERROR_MALFORMED, "frame shorter than the 12-byte header");
            return;
        }
        final long correlation = frame.getLong(CORRELATION_OFFSET, LITTLE_ENDIAN);
        if ((frame.getShort(VERSION_OFFSET, LITTLE_ENDIAN) & 0xFFFF) != SCHEMA_VERSION)
        {
            sendError(ctx.channel(), correlation, ERROR_UNSUPPORTED_VERSION, "schema version must be 1");
            return;
        }
        final int template = frame.getShort(TEMPLATE_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
        switch (template)
        {
            case HELLO -> onHello(ctx.channel(), correlation, length);
            case COMMAND -> onCommand(ctx, correlation, length);
            default -> sendError(ctx.channel(), correlation, ERROR_UNKNOWN_TEMPLATE,
                "unknown message template " + template);
        }
    }

    private void onHello(final Channel channel, final long correlation, final int length)
    {
        final int tokenLength = length >= HEADER_LENGTH + 2 ? frame.getShort(HEADER_LENGTH, LITTLE_ENDIAN) & 0xFFFF : -1;
        if (tokenLength < 0 || HEADER_LENGTH + 2 + tokenLength != length)
        {
            sendError(channel, correlation, ERROR_MALFORMED, "HELLO token length does not match the frame");
            return;
        }
        final String token = frame.getStringWithoutLengthAscii(HEADER_LENGTH + 2, tokenLength);
        try
        {
            principal = authenticator.authenticate("Bearer " + token);
        }
        catch (final ApiException ex)
        {
            sendError(channel, correlation, ERROR_BAD_TOKEN, ex.getMessage());
            return;
        }
        principalCentre = principal.centre() == null ? -1 : index.centre(principal.centre());
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + 5);
        out.writeIntLE(HEADER_LENGTH + 5);
        writeHeader(out, HELLO_OK, correlation);
        out.writeByte(roleCode(principal.role()));
        out.writeIntLE(principalCentre);
        channel.writeAndFlush(out);
    }

    private void onCommand(final ChannelHandlerContext ctx, final long correlation, final int length)
    {
        final Channel channel = ctx.channel();
        if (principal == null)
        {
            sendError(channel, correlation, ERROR_NOT_AUTHENTICATED, "send HELLO with a token first");
            return;
        }
        if (length != HEADER_LENGTH + COMMAND_BODY_LENGTH
            || !CommandMessage.decode(frame, HEADER_LENGTH, scratch.clear()))
        {
            sendError(channel, correlation, ERROR_MALFORMED,
                "COMMAND body must be " + COMMAND_BODY_LENGTH + " bytes with a known command type");
            return;
        }
        if (!allowed(scratch))
        {
            sendError(channel, correlation, ERROR_FORBIDDEN,
                "role " + principal.role() + " may not send " + scratch.type + " for centre " + scratch.centre);
            return;
        }
        if (inFlight.incrementAndGet() >= MAX_IN_FLIGHT)
        {
            channel.config().setAutoRead(false);
        }
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

    /** Called on the engine's publisher thread. */
    private void reply(final Channel channel, final long correlation, final Command slot)
    {
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + RESULT_BODY_LENGTH);
        out.writeIntLE(HEADER_LENGTH + RESULT_BODY_LENGTH);
        writeHeader(out, RESULT, correlation);
        final int bodyIndex = out.writerIndex();
        out.writeZero(RESULT_BODY_LENGTH);
        ResultMessage.encode(slot, new UnsafeBuffer(out.nioBuffer(bodyIndex, RESULT_BODY_LENGTH)), 0);
        channel.writeAndFlush(out);
        if (inFlight.decrementAndGet() == MAX_IN_FLIGHT / 2 && channel.isWritable())
        {
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && inFlight.get() < MAX_IN_FLIGHT);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException)
        {
            final ByteBuf out = errorFrame(ctx.channel(), 0, ERROR_MALFORMED,
                "frame length exceeds " + MAX_FRAME_LENGTH + " bytes; closing");
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
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

    private static void sendError(final Channel channel, final long correlation, final int code, final String text)
    {
        channel.writeAndFlush(errorFrame(channel, correlation, code, text));
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

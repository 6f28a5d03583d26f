package okno.protocol.binary;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import okno.config.NetworkIndex;
import okno.config.Role;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.pipeline.CommandTranslator;
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
 * One binary-protocol connection: cuts frames out of what the socket delivers, HELLO authenticates, COMMAND
 * frames go to the engine in order and are answered in order. The commands of one socket read travel to the
 * engine as one batch (one ring claim, no allocation); their answers come back through the
 * {@link AnswerOutbox}. An answer that the session makes itself (HELLO_OK, ERROR) while engine answers are
 * still in flight travels behind them through the engine as an empty query, so answers never overtake each
 * other. Back-pressure: with too many answers in flight or an unwritable channel (a client that does not read)
 * the connection stops reading; the engine and other clients never wait for it.
 */
final class BinarySessionHandler extends ChannelInboundHandlerAdapter
{
    /** Most commands handed to the engine in one batch. */
    static final int MAX_BATCH = 256;

    private static final System.Logger LOG = System.getLogger(BinarySessionHandler.class.getName());
    private static final CommandTranslator<Command> COPY = (slot, request) -> slot.copyRequestFrom(request);

    private final EngineGateway gateway;
    private final TokenAuthenticator authenticator;
    private final NetworkIndex index;
    /** The frame being received, length field included; {@link #frame} views the message after it. */
    private final byte[] received = new byte[MAX_FRAME_LENGTH];
    private final UnsafeBuffer lengthField = new UnsafeBuffer(received, 0, LENGTH_FIELD);
    private final UnsafeBuffer frame = new UnsafeBuffer(received, LENGTH_FIELD, MAX_FRAME_LENGTH - LENGTH_FIELD);
    private final Command[] batch = new Command[MAX_BATCH];
    private final long[] correlations = new long[MAX_BATCH];
    private int receivedLength;
    private int batched;
    /** Set after an unusable frame length: the rest of the input is ignored and the connection closes. */
    private boolean closing;
    /** The connection and its answers; set when the handler is added (one handler per connection). */
    private Channel channel;
    private AnswerOutbox outbox;
    private Principal principal;
    private int principalCentre = -1;
    /** Kiosk index of the HELLO token, -1 for other roles: stamped on every command of the session. */
    private int principalKiosk = -1;

    BinarySessionHandler(final EngineGateway gateway, final TokenAuthenticator authenticator,
        final NetworkIndex index)
    {
        this.gateway = gateway;
        this.authenticator = authenticator;
        this.index = index;
        for (int i = 0; i < MAX_BATCH; i++)
        {
            batch[i] = new Command();
        }
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx.channel();
        outbox = new AnswerOutbox(channel);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf in = (ByteBuf)msg;
        try
        {
            receive(in);
        }
        finally
        {
            in.release();
        }
    }

    /** The end of one socket read: the commands it carried go to the engine together. */
    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        submitBatch();
        ctx.fireChannelReadComplete();
    }

    /** Cuts whole frames out of {@code in}; a frame split over reads is completed by the next ones. */
    private void receive(final ByteBuf in)
    {
        while (!closing)
        {
            if (receivedLength < LENGTH_FIELD)
            {
                take(in, LENGTH_FIELD);
                if (receivedLength < LENGTH_FIELD)
                {
                    return;
                }
            }
            // The length field is unsigned: a "negative" one is a length of almost 4 GiB.
            final long length = lengthField.getInt(0, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            if (length > MAX_FRAME_LENGTH - LENGTH_FIELD)
            {
                closing = true;
                channel.config().setAutoRead(false);
                answer(errorFrame(0, ERROR_MALFORMED,
                    "frame length exceeds " + MAX_FRAME_LENGTH + " bytes; closing"), true);
                return;
            }
            take(in, LENGTH_FIELD + (int)length);
            if (receivedLength < LENGTH_FIELD + length)
            {
                return;
            }
            receivedLength = 0;
            onFrame((int)length);
        }
    }

    /** Copies bytes of {@code in} into the frame being received until it holds {@code upTo} bytes. */
    private void take(final ByteBuf in, final int upTo)
    {
        final int n = Math.min(upTo - receivedLength, in.readableBytes());
        in.readBytes(received, receivedLength, n);
        receivedLength += n;
    }

    private void onFrame(final int length)
    {
        if (length < HEADER_LENGTH)
        {
            answer(0, ERROR_MALFORMED, "frame shorter than the 12-byte header");
            return;
        }
        final long correlation = frame.getLong(CORRELATION_OFFSET, LITTLE_ENDIAN);
        if ((frame.getShort(VERSION_OFFSET, LITTLE_ENDIAN) & 0xFFFF) != SCHEMA_VERSION)
        {
            answer(correlation, ERROR_UNSUPPORTED_VERSION, "schema version must be 1");
            return;
        }
        final int template = frame.getShort(TEMPLATE_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
        switch (template)
        {
            case HELLO -> onHello(correlation, length);
            case COMMAND -> onCommand(correlation, length);
            default -> answer(correlation, ERROR_UNKNOWN_TEMPLATE, "unknown message template " + template);
        }
    }

    private void onHello(final long correlation, final int length)
    {
        final int tokenLength = length >= HEADER_LENGTH + 2 ? frame.getShort(HEADER_LENGTH, LITTLE_ENDIAN) & 0xFFFF : -1;
        if (tokenLength < 0 || HEADER_LENGTH + 2 + tokenLength != length)
        {
            answer(correlation, ERROR_MALFORMED, "HELLO token length does not match the frame");
            return;
        }
        final String token = frame.getStringWithoutLengthAscii(HEADER_LENGTH + 2, tokenLength);
        try
        {
            principal = authenticator.authenticate("Bearer " + token);
        }
        catch (final ApiException ex)
        {
            answer(correlation, ERROR_BAD_TOKEN, ex.getMessage());
            return;
        }
        principalCentre = principal.centre() == null ? -1 : index.centre(principal.centre());
        principalKiosk = index.kiosk(principal.token());
        final ByteBuf out = channel.alloc().buffer(LENGTH_FIELD + HEADER_LENGTH + 5);
        out.writeIntLE(HEADER_LENGTH + 5);
        writeHeader(out, HELLO_OK, correlation);
        out.writeByte(roleCode(principal.role()));
        out.writeIntLE(principalCentre);
        answer(out, false);
    }

    private void onCommand(final long correlation, final int length)
    {
        if (principal == null)
        {
            answer(correlation, ERROR_NOT_AUTHENTICATED, "send HELLO with a token first");
            return;
        }
        final Command command = batch[batched];
        if (length != HEADER_LENGTH + COMMAND_BODY_LENGTH || !CommandMessage.decode(frame, HEADER_LENGTH, command.clear()))
        {
            answer(correlation, ERROR_MALFORMED,
                "COMMAND body must be " + COMMAND_BODY_LENGTH + " bytes with a known command type");
            return;
        }
        if (!allowed(command))
        {
            answer(correlation, ERROR_FORBIDDEN,
                "role " + principal.role() + " may not send " + command.type + " for centre " + command.centre);
            return;
        }
        // the wire has no kiosk field: a client cannot speak for another kiosk
        command.kiosk = principalKiosk;
        correlations[batched++] = correlation;
        outbox.expect();
        if (batched == MAX_BATCH)
        {
            submitBatch();
        }
    }

    /** Hands the commands received so far to the engine. */
    private void submitBatch()
    {
        if (batched > 0)
        {
            final int count = batched;
            batched = 0;
            gateway.submitBatch(COPY, batch, correlations, 0, count, outbox);
        }
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

    /**
     * Sends an answer made by the session itself: at once when nothing is in flight, else behind the engine
     * answers in flight (an empty query completes on the publisher thread after all of them).
     */
    private void answer(final ByteBuf out, final boolean close)
    {
        submitBatch();
        if (outbox.idle())
        {
            if (close)
            {
                channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
            else
            {
                channel.writeAndFlush(out);
            }
            return;
        }
        outbox.expect();
        final CompletableFuture<Object> behind = new CompletableFuture<>();
        behind.whenComplete((ignored, failure) -> outbox.appendBehind(out, close));
        gateway.query(view -> null, behind);
    }

    private void answer(final long correlation, final int code, final String text)
    {
        answer(errorFrame(correlation, code, text), false);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        outbox.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
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

    private ByteBuf errorFrame(final long correlation, final int code, final String text)
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

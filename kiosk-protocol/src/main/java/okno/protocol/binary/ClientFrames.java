package okno.protocol.binary;

import okno.engine.api.Command;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static okno.protocol.binary.BinaryProtocol.COMMAND;
import static okno.protocol.binary.BinaryProtocol.COMMAND_BODY_LENGTH;
import static okno.protocol.binary.BinaryProtocol.CORRELATION_OFFSET;
import static okno.protocol.binary.BinaryProtocol.HEADER_LENGTH;
import static okno.protocol.binary.BinaryProtocol.HELLO;
import static okno.protocol.binary.BinaryProtocol.LENGTH_FIELD;
import static okno.protocol.binary.BinaryProtocol.SCHEMA_VERSION;
import static okno.protocol.binary.BinaryProtocol.TEMPLATE_OFFSET;
import static okno.protocol.binary.BinaryProtocol.VERSION_OFFSET;

/**
 * The client side of {@link BinaryProtocol}: writes whole frames (length field included) for kiosks, tests and
 * load generators, and reads the header of answers. No allocation but the token bytes of HELLO.
 */
public final class ClientFrames
{
    /** Bytes of a whole COMMAND frame. */
    public static final int COMMAND_FRAME_LENGTH = LENGTH_FIELD + HEADER_LENGTH + COMMAND_BODY_LENGTH;
    /** Bytes of a whole RESULT frame. */
    public static final int RESULT_FRAME_LENGTH = LENGTH_FIELD + HEADER_LENGTH + BinaryProtocol.RESULT_BODY_LENGTH;

    private ClientFrames()
    {
    }

    /** Writes a HELLO frame; returns bytes written. */
    public static int hello(final MutableDirectBuffer buffer, final int offset, final long correlation,
        final String token)
    {
        final byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        buffer.putInt(offset, HEADER_LENGTH + 2 + bytes.length, LITTLE_ENDIAN);
        header(buffer, offset + LENGTH_FIELD, HELLO, correlation);
        buffer.putShort(offset + LENGTH_FIELD + HEADER_LENGTH, (short)bytes.length, LITTLE_ENDIAN);
        buffer.putBytes(offset + LENGTH_FIELD + HEADER_LENGTH + 2, bytes);
        return LENGTH_FIELD + HEADER_LENGTH + 2 + bytes.length;
    }

    /** Writes a COMMAND frame with the request fields of {@code command}; returns bytes written. */
    public static int command(final MutableDirectBuffer buffer, final int offset, final long correlation,
        final Command command)
    {
        buffer.putInt(offset, HEADER_LENGTH + COMMAND_BODY_LENGTH, LITTLE_ENDIAN);
        header(buffer, offset + LENGTH_FIELD, COMMAND, correlation);
        CommandMessage.encode(command, buffer, offset + LENGTH_FIELD + HEADER_LENGTH);
        return COMMAND_FRAME_LENGTH;
    }

    private static void header(final MutableDirectBuffer buffer, final int offset, final int template,
        final long correlation)
    {
        buffer.putShort(offset + TEMPLATE_OFFSET, (short)template, LITTLE_ENDIAN);
        buffer.putShort(offset + VERSION_OFFSET, (short)SCHEMA_VERSION, LITTLE_ENDIAN);
        buffer.putLong(offset + CORRELATION_OFFSET, correlation, LITTLE_ENDIAN);
    }

    /** @return the message template of a message (after the length field) at {@code offset}. */
    public static int template(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
    }

    /** @return the echoed client request id of a message at {@code offset}. */
    public static long correlation(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CORRELATION_OFFSET, LITTLE_ENDIAN);
    }

    /** @return the error code of an ERROR message at {@code offset}. */
    public static int errorCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + HEADER_LENGTH, LITTLE_ENDIAN);
    }
}

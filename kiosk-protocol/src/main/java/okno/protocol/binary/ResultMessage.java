package okno.protocol.binary;

import okno.engine.api.Command;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/** Body of a RESULT message (layout in {@link BinaryProtocol}): the result fields of a {@link Command}. */
public final class ResultMessage
{
    private static final int RESULT_CODE = 0;
    private static final int DUPLICATE = 4;
    private static final int TICKET = 5;
    private static final int POSITION = 9;
    private static final int ETA = 13;
    private static final int APPOINTMENT_CODE = 17;
    private static final int SLOT = 25;

    private ResultMessage()
    {
    }

    /** Writes the slot's result; returns bytes written. */
    public static int encode(final Command command, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset + RESULT_CODE, command.result.code(), LITTLE_ENDIAN);
        buffer.putByte(offset + DUPLICATE, (byte)(command.duplicate ? 1 : 0));
        buffer.putInt(offset + TICKET, command.resultTicket, LITTLE_ENDIAN);
        buffer.putInt(offset + POSITION, command.resultPosition, LITTLE_ENDIAN);
        buffer.putInt(offset + ETA, command.resultEtaSeconds, LITTLE_ENDIAN);
        buffer.putLong(offset + APPOINTMENT_CODE, command.resultAppointmentCode, LITTLE_ENDIAN);
        buffer.putLong(offset + SLOT, command.resultSlotMs, LITTLE_ENDIAN);
        return BinaryProtocol.RESULT_BODY_LENGTH;
    }

    /** @return the engine result code. */
    public static int resultCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + RESULT_CODE, LITTLE_ENDIAN);
    }

    /** @return whether the command repeated an earlier request key. */
    public static boolean duplicate(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + DUPLICATE) != 0;
    }

    /** @return packed ticket number or -1. */
    public static int ticket(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + TICKET, LITTLE_ENDIAN);
    }

    /** @return position in line or -1. */
    public static int position(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + POSITION, LITTLE_ENDIAN);
    }

    /** @return predicted wait in seconds or -1. */
    public static int etaSeconds(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + ETA, LITTLE_ENDIAN);
    }

    /** @return appointment code or 0. */
    public static long appointmentCode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + APPOINTMENT_CODE, LITTLE_ENDIAN);
    }
}

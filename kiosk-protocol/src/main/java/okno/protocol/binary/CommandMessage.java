package okno.protocol.binary;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/** Body of a COMMAND message (layout in {@link BinaryProtocol}) to and from a {@link Command} slot. */
public final class CommandMessage
{
    private static final int TYPE = 0;
    private static final int REQUEST_KEY = 1;
    private static final int CENTRE = 9;
    private static final int WINDOW = 13;
    private static final int STAFF = 17;
    private static final int PRIORITY = 21;
    private static final int SERVICE_COUNT = 25;
    private static final int SERVICES = 26;
    private static final int TICKET_NUMBER = 46;
    private static final int SCORE = 50;
    private static final int TARGET_CENTRE = 54;
    private static final int TARGET_WINDOW = 58;
    private static final int TARGET_SERVICE = 62;
    private static final int SLOT = 66;
    private static final int APPOINTMENT_CODE = 74;
    private static final int FLAG = 82;

    private CommandMessage()
    {
    }

    /**
     * Reads the command type code without decoding the rest.
     *
     * @return the type, or {@code null} for an unknown or read-only-internal code
     */
    public static CommandType type(final DirectBuffer buffer, final int offset)
    {
        final CommandType type = CommandType.fromCode(buffer.getByte(offset + TYPE) & 0xFF);
        return type == null || !type.mutates() || type == CommandType.TICK ? null : type;
    }

    /**
     * Copies the body into the slot's request fields (not its time).
     *
     * @return {@code false} when a field is out of its structural range (service count); the slot is then
     *         unspecified and must not be published
     */
    public static boolean decode(final DirectBuffer buffer, final int offset, final Command command)
    {
        final int serviceCount = buffer.getByte(offset + SERVICE_COUNT) & 0xFF;
        final CommandType type = type(buffer, offset);
        if (type == null || serviceCount > Command.MAX_SERVICES)
        {
            return false;
        }
        command.type = type;
        command.requestKey = buffer.getLong(offset + REQUEST_KEY, LITTLE_ENDIAN);
        command.centre = buffer.getInt(offset + CENTRE, LITTLE_ENDIAN);
        command.window = buffer.getInt(offset + WINDOW, LITTLE_ENDIAN);
        command.staff = buffer.getInt(offset + STAFF, LITTLE_ENDIAN);
        command.priority = buffer.getInt(offset + PRIORITY, LITTLE_ENDIAN);
        command.serviceCount = serviceCount;
        for (int i = 0; i < Command.MAX_SERVICES; i++)
        {
            command.services[i] = i < serviceCount ? buffer.getInt(offset + SERVICES + 4 * i, LITTLE_ENDIAN) : -1;
        }
        command.ticketNumber = buffer.getInt(offset + TICKET_NUMBER, LITTLE_ENDIAN);
        command.score = buffer.getInt(offset + SCORE, LITTLE_ENDIAN);
        command.targetCentre = buffer.getInt(offset + TARGET_CENTRE, LITTLE_ENDIAN);
        command.targetWindow = buffer.getInt(offset + TARGET_WINDOW, LITTLE_ENDIAN);
        command.targetService = buffer.getInt(offset + TARGET_SERVICE, LITTLE_ENDIAN);
        command.slotMs = buffer.getLong(offset + SLOT, LITTLE_ENDIAN);
        command.appointmentCode = buffer.getLong(offset + APPOINTMENT_CODE, LITTLE_ENDIAN);
        command.flag = buffer.getInt(offset + FLAG, LITTLE_ENDIAN);
        return true;
    }

    /**
     * Writes the slot's request fields as a COMMAND body (clients, load generators).
     *
     * @return bytes written
     */
    public static int encode(final Command command, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putByte(offset + TYPE, (byte)command.type.code());
        buffer.putLong(offset + REQUEST_KEY, command.requestKey, LITTLE_ENDIAN);
        buffer.putInt(offset + CENTRE, command.centre, LITTLE_ENDIAN);
        buffer.putInt(offset + WINDOW, command.window, LITTLE_ENDIAN);
        buffer.putInt(offset + STAFF, command.staff, LITTLE_ENDIAN);
        buffer.putInt(offset + PRIORITY, command.priority, LITTLE_ENDIAN);
        buffer.putByte(offset + SERVICE_COUNT, (byte)command.serviceCount);
        for (int i = 0; i < Command.MAX_SERVICES; i++)
        {
            buffer.putInt(offset + SERVICES + 4 * i, command.services[i], LITTLE_ENDIAN);
        }
        buffer.putInt(offset + TICKET_NUMBER, command.ticketNumber, LITTLE_ENDIAN);
        buffer.putInt(offset + SCORE, command.score, LITTLE_ENDIAN);
        buffer.putInt(offset + TARGET_CENTRE, command.targetCentre, LITTLE_ENDIAN);
        buffer.putInt(offset + TARGET_WINDOW, command.targetWindow, LITTLE_ENDIAN);
        buffer.putInt(offset + TARGET_SERVICE, command.targetService, LITTLE_ENDIAN);
        buffer.putLong(offset + SLOT, command.slotMs, LITTLE_ENDIAN);
        buffer.putLong(offset + APPOINTMENT_CODE, command.appointmentCode, LITTLE_ENDIAN);
        buffer.putInt(offset + FLAG, command.flag, LITTLE_ENDIAN);
        return BinaryProtocol.COMMAND_BODY_LENGTH;
    }
}

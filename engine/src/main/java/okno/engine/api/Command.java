package okno.engine.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * One command: the reusable slot of the ring buffer, the record of the journal and the input of
 * {@link StateMachine#apply}. Edges fill the request fields (ids already translated to indexes by
 * {@code okno.config.NetworkIndex}, time stamped once at ingress); the engine writes the result fields.
 * Unused index fields are -1. Only the request part is encoded: results are derived again on replay.
 *
 * <pre>
 * Encoded request, little-endian, {@link #ENCODED_LENGTH} bytes:
 *   0 int  type code          36 int  serviceCount       80 long slotMs
 *   4 long timestampMs        40 int[5] services         88 long appointmentCode
 *  12 long requestKey         60 int  ticketNumber       96 int  flag
 *  20 int  centre             64 int  score
 *  24 int  window             68 int  targetCentre
 *  28 int  staff              72 int  targetWindow      100 int  kiosk
 *  32 int  priority code      76 int  targetService
 * </pre>
 *
 * The first {@link #ENCODED_LENGTH_V1} bytes are the record of journal format 1, which had no kiosk.
 */
public final class Command
{
    /** Most services one visit may hold. */
    public static final int MAX_SERVICES = 5;
    /** Bytes of an encoded command. */
    public static final int ENCODED_LENGTH = 104;
    /** Bytes of a command encoded before the kiosk was recorded (journal format 1). */
    public static final int ENCODED_LENGTH_V1 = 100;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    // ---- request ----
    public CommandType type;
    /** Engine time of the command, epoch milliseconds, stamped once at ingress. */
    public long timestampMs;
    /** Client request id digest for idempotent retries, 0 when none. */
    public long requestKey;
    public int centre;
    public int window;
    public int staff;
    /** {@code okno.config.PriorityClass#code()}. */
    public int priority;
    public int serviceCount;
    public final int[] services = new int[MAX_SERVICES];
    /** Ticket number as coded by {@link TicketNumber}, for commands that name a ticket. */
    public int ticketNumber;
    public int score;
    public int targetCentre;
    public int targetWindow;
    public int targetService;
    /** Appointment slot start, epoch milliseconds. */
    public long slotMs;
    public long appointmentCode;
    /** Boolean or small argument of commands that need one (e.g. standby on/off). */
    public int flag;
    /**
     * Kiosk that issued the ticket ({@code okno.config.NetworkIndex#kiosk}), -1 when unknown or not a kiosk.
     * Routing for the host (which printer prints the slip): the engine passes it to TICKET_ISSUED and never
     * reads it otherwise.
     */
    public int kiosk;
    /** Read-only work for {@link CommandType#QUERY}; never journaled. */
    public EngineQuery query;

    // ---- result, written by the engine ----
    public Result result;
    /** The command repeated an earlier request id: the result fields describe the original outcome. */
    public boolean duplicate;
    /** Ticket number (see {@link TicketNumber}) of the ticket the command created or acted on, or -1. */
    public int resultTicket;
    /** Position in line of that ticket (1 = next), or -1. */
    public int resultPosition;
    /** Predicted wait in seconds of that ticket, or -1 (not waiting, or no open window serves it). */
    public int resultEtaSeconds;
    /** Appointment code booked, or 0. */
    public long resultAppointmentCode;
    /** Slot of the appointment booked or checked in, or 0. */
    public long resultSlotMs;

    /** Resets every field to "absent" so that a reused slot carries nothing from its previous use. */
    public Command clear()
    {
        type = null;
        timestampMs = 0;
        requestKey = 0;
        centre = -1;
        window = -1;
        staff = -1;
        priority = 0;
        serviceCount = 0;
        java.util.Arrays.fill(services, -1);
        ticketNumber = -1;
        score = 0;
        targetCentre = -1;
        targetWindow = -1;
        targetService = -1;
        slotMs = 0;
        appointmentCode = 0;
        flag = 0;
        kiosk = -1;
        query = null;
        clearResult();
        return this;
    }

    /** Resets the result fields only. */
    public void clearResult()
    {
        result = null;
        duplicate = false;
        resultTicket = -1;
        resultPosition = -1;
        resultEtaSeconds = -1;
        resultAppointmentCode = 0;
        resultSlotMs = 0;
    }

    /** Appends a service index to the visit. */
    public Command addService(final int service)
    {
        services[serviceCount++] = service;
        return this;
    }

    /** Copies the request fields of another command (not the query, not the result). */
    public void copyRequestFrom(final Command other)
    {
        type = other.type;
        timestampMs = other.timestampMs;
        requestKey = other.requestKey;
        centre = other.centre;
        window = other.window;
        staff = other.staff;
        priority = other.priority;
        serviceCount = other.serviceCount;
        System.arraycopy(other.services, 0, services, 0, MAX_SERVICES);
        ticketNumber = other.ticketNumber;
        score = other.score;
        targetCentre = other.targetCentre;
        targetWindow = other.targetWindow;
        targetService = other.targetService;
        slotMs = other.slotMs;
        appointmentCode = other.appointmentCode;
        flag = other.flag;
        kiosk = other.kiosk;
    }

    /**
     * Writes the request part at {@code offset}.
     *
     * @return bytes written, always {@link #ENCODED_LENGTH}
     */
    public int encode(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset, type.code(), ORDER);
        buffer.putLong(offset + 4, timestampMs, ORDER);
        buffer.putLong(offset + 12, requestKey, ORDER);
        buffer.putInt(offset + 20, centre, ORDER);
        buffer.putInt(offset + 24, window, ORDER);
        buffer.putInt(offset + 28, staff, ORDER);
        buffer.putInt(offset + 32, priority, ORDER);
        buffer.putInt(offset + 36, serviceCount, ORDER);
        for (int i = 0; i < MAX_SERVICES; i++)
        {
            buffer.putInt(offset + 40 + 4 * i, services[i], ORDER);
        }
        buffer.putInt(offset + 60, ticketNumber, ORDER);
        buffer.putInt(offset + 64, score, ORDER);
        buffer.putInt(offset + 68, targetCentre, ORDER);
        buffer.putInt(offset + 72, targetWindow, ORDER);
        buffer.putInt(offset + 76, targetService, ORDER);
        buffer.putLong(offset + 80, slotMs, ORDER);
        buffer.putLong(offset + 88, appointmentCode, ORDER);
        buffer.putInt(offset + 96, flag, ORDER);
        buffer.putInt(offset + 100, kiosk, ORDER);
        return ENCODED_LENGTH;
    }

    /**
     * Reads a request written by {@link #encode} and clears the result.
     *
     * @throws IllegalArgumentException when the type code is unknown or the service count out of range
     */
    public Command decode(final DirectBuffer buffer, final int offset)
    {
        return decode(buffer, offset, ENCODED_LENGTH);
    }

    /**
     * Reads a request of {@link #ENCODED_LENGTH} bytes, or of {@link #ENCODED_LENGTH_V1} bytes (journal format 1:
     * no kiosk, read as -1), and clears the result.
     *
     * @throws IllegalArgumentException when the type code is unknown or the service count out of range
     */
    public Command decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final int typeCode = buffer.getInt(offset, ORDER);
        final CommandType decodedType = CommandType.fromCode(typeCode);
        final int count = buffer.getInt(offset + 36, ORDER);
        if (decodedType == null || count < 0 || count > MAX_SERVICES)
        {
            throw new IllegalArgumentException("corrupt command record: type " + typeCode + ", services " + count);
        }
        type = decodedType;
        timestampMs = buffer.getLong(offset + 4, ORDER);
        requestKey = buffer.getLong(offset + 12, ORDER);
        centre = buffer.getInt(offset + 20, ORDER);
        window = buffer.getInt(offset + 24, ORDER);
        staff = buffer.getInt(offset + 28, ORDER);
        priority = buffer.getInt(offset + 32, ORDER);
        serviceCount = count;
        for (int i = 0; i < MAX_SERVICES; i++)
        {
            services[i] = buffer.getInt(offset + 40 + 4 * i, ORDER);
        }
        ticketNumber = buffer.getInt(offset + 60, ORDER);
        score = buffer.getInt(offset + 64, ORDER);
        targetCentre = buffer.getInt(offset + 68, ORDER);
        targetWindow = buffer.getInt(offset + 72, ORDER);
        targetService = buffer.getInt(offset + 76, ORDER);
        slotMs = buffer.getLong(offset + 80, ORDER);
        appointmentCode = buffer.getLong(offset + 88, ORDER);
        flag = buffer.getInt(offset + 96, ORDER);
        kiosk = length >= ENCODED_LENGTH ? buffer.getInt(offset + 100, ORDER) : -1;
        query = null;
        clearResult();
        return this;
    }

    @Override
    public String toString()
    {
        return "Command{" + type + " t=" + timestampMs + " req=" + requestKey + " centre=" + centre
            + " window=" + window + " staff=" + staff + (kiosk < 0 ? "" : " kiosk=" + kiosk) + " result=" + result
            + '}';
    }
}

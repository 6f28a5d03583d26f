package okno.drivers.printer;

import okno.drivers.DeviceState;

/**
 * The printer's condition decoded from the four real-time status replies ({@code DLE EOT n}, {@code 10 04 n}).
 *
 * <pre>
 *   every reply: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0     (fixed bits, used to reject line noise)
 *   n=1 printer status : bit 3 offline
 *   n=2 offline cause  : bit 2 cover open, bit 3 paper fed by button, bit 5 stopped by paper end, bit 6 error
 *   n=3 error cause    : bit 3 autocutter error, bit 5 unrecoverable error, bit 6 auto-recoverable error
 *   n=4 paper sensor   : bits 2+3 roll near end, bits 5+6 roll end
 * </pre>
 *
 * @param offline       printer is offline
 * @param coverOpen     cover is open
 * @param paperOut      paper roll end (printing stopped)
 * @param paperNearEnd  paper roll near end (still printing)
 * @param cutterError   autocutter error
 * @param unrecoverable unrecoverable error
 */
public record PrinterStatus(
    boolean offline,
    boolean coverOpen,
    boolean paperOut,
    boolean paperNearEnd,
    boolean cutterError,
    boolean unrecoverable)
{
    /** Mask of the bits fixed in every DLE EOT reply. */
    private static final int FIXED_MASK = 0x93;
    /** Their values: bit 1 and bit 4 set, bit 0 and bit 7 clear. */
    private static final int FIXED_VALUE = 0x12;

    /**
     * @param b a byte read after a DLE EOT query
     * @return true when its fixed bits match a status reply
     */
    public static boolean isStatusByte(final int b)
    {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /**
     * @param printer      reply to {@code 10 04 01}
     * @param offlineCause reply to {@code 10 04 02}
     * @param errorCause   reply to {@code 10 04 03}
     * @param paperSensor  reply to {@code 10 04 04}
     * @return the decoded condition
     */
    public static PrinterStatus decode(
        final int printer, final int offlineCause, final int errorCause, final int paperSensor)
    {
        return new PrinterStatus(
            (printer & 0x08) != 0,
            (offlineCause & 0x04) != 0,
            (offlineCause & 0x20) != 0 || (paperSensor & 0x60) != 0,
            (paperSensor & 0x0C) != 0,
            (errorCause & 0x08) != 0,
            (errorCause & 0x20) != 0);
    }

    /**
     * @return FAULT for any condition that stops printing, ONLINE otherwise (near end still prints)
     */
    public DeviceState state()
    {
        final boolean stopped = coverOpen || paperOut || cutterError || unrecoverable || offline;
        return stopped ? DeviceState.FAULT : DeviceState.ONLINE;
    }

    /**
     * @return the most important cause, e.g. {@code "paper out"}; {@code "ok"} when nothing is wrong
     */
    public String reason()
    {
        if (coverOpen)
        {
            return "cover open";
        }
        if (paperOut)
        {
            return "paper out";
        }
        if (cutterError)
        {
            return "cutter error";
        }
        if (unrecoverable)
        {
            return "unrecoverable error";
        }
        if (offline)
        {
            return "printer offline";
        }
        return paperNearEnd ? "paper near end" : "ok";
    }
}

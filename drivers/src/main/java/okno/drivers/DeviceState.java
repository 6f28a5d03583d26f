package okno.drivers;

/**
 * Health of one device as its driver sees it. Codes are stable.
 */
public enum DeviceState
{
    /** The device answers and works. */
    ONLINE(1),
    /** The device or its port does not answer (port missing, lost, or no reply in time). */
    OFFLINE(2),
    /** The device answers but reports a condition that stops its work (paper out, cover open, cutter error). */
    FAULT(3);

    private final int code;

    DeviceState(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable code of this state
     */
    public int code()
    {
        return code;
    }
}

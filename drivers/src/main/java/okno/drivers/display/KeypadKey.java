package okno.drivers.display;

/**
 * Keys of a window keypad. Each has a stable code and the byte it is sent as on the bus.
 */
public enum KeypadKey
{
    /** Call the next visitor. */
    CALL_NEXT(1, '1'),
    /** Call the current visitor again. */
    RECALL(2, '2'),
    /** The visitor arrived: start service. */
    START(3, '3'),
    /** Service finished. */
    COMPLETE(4, '4');

    private final int code;
    private final byte wire;

    KeypadKey(final int code, final char wire)
    {
        this.code = code;
        this.wire = (byte)wire;
    }

    /**
     * @return the stable code
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the byte sent on the bus after {@code 'K'}
     */
    public byte wire()
    {
        return wire;
    }

    /**
     * @param wire a key byte from the bus
     * @return the key, or null when the byte names no key
     */
    public static KeypadKey fromWire(final byte wire)
    {
        for (final KeypadKey key : values())
        {
            if (key.wire == wire)
            {
                return key;
            }
        }
        return null;
    }
}

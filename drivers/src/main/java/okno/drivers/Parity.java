package okno.drivers;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Serial parity setting. Codes are stable.
 */
public enum Parity
{
    /** No parity bit. */
    NONE(0, SerialPort.NO_PARITY),
    /** Odd parity. */
    ODD(1, SerialPort.ODD_PARITY),
    /** Even parity. */
    EVEN(2, SerialPort.EVEN_PARITY);

    private final int code;
    private final int jSerialComm;

    Parity(final int code, final int jSerialComm)
    {
        this.code = code;
        this.jSerialComm = jSerialComm;
    }

    /**
     * @return the stable code
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the matching jSerialComm (and j2mod) constant
     */
    public int jSerialCommValue()
    {
        return jSerialComm;
    }
}

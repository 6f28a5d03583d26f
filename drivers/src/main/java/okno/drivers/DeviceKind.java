package okno.drivers;

/**
 * The kinds of serial device okno drives. Codes are stable and may go on the wire or into hashes.
 */
public enum DeviceKind
{
    /** ESC/POS ticket printer at a kiosk. */
    TICKET_PRINTER(1),
    /** Call display with keypad above a window, on an RS-485 bus. */
    WINDOW_DISPLAY(2),
    /** Hall board (Alpha sign protocol) showing the last calls. */
    HALL_BOARD(3),
    /** Rating panel at a desk (Modbus RTU). */
    RATING_PANEL(4);

    private final int code;

    DeviceKind(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable code of this kind
     */
    public int code()
    {
        return code;
    }
}

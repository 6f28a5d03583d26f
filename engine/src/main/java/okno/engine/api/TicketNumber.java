package okno.engine.api;

/**
 * A ticket number such as {@code A042} packed into an int: prefix letter in bits 20..27, serial in bits 0..19.
 * Numbers are unique per centre and day; the serial has at least three digits when printed.
 */
public final class TicketNumber
{
    private static final int SERIAL_BITS = 20;
    private static final int SERIAL_MASK = (1 << SERIAL_BITS) - 1;

    private TicketNumber()
    {
    }

    /** @return the packed number. */
    public static int encode(final char prefix, final int serial)
    {
        return (prefix << SERIAL_BITS) | (serial & SERIAL_MASK);
    }

    /** @return the prefix letter. */
    public static char prefix(final int number)
    {
        return (char)(number >>> SERIAL_BITS);
    }

    /** @return the serial. */
    public static int serial(final int number)
    {
        return number & SERIAL_MASK;
    }

    /** @return the printed form, e.g. {@code A042}. */
    public static String format(final int number)
    {
        final String digits = Integer.toString(serial(number));
        final StringBuilder sb = new StringBuilder(4).append(prefix(number));
        for (int i = digits.length(); i < 3; i++)
        {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** @return the packed form of {@code A042}-style text, or -1 when it is not a ticket number. */
    public static int parse(final CharSequence text)
    {
        if (text == null || text.length() < 2 || text.length() > 8)
        {
            return -1;
        }
        final char prefix = text.charAt(0);
        if (prefix < 'A' || prefix > 'Z')
        {
            return -1;
        }
        int serial = 0;
        for (int i = 1; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            serial = serial * 10 + (c - '0');
        }
        return serial > SERIAL_MASK ? -1 : encode(prefix, serial);
    }
}

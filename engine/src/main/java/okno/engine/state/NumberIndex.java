package okno.engine.state;

import java.util.Arrays;

/**
 * Today's ticket numbers of one centre to their place in the {@link TicketTable}. A number is a prefix letter and a
 * serial counting up from 1 each day (see {@code okno.engine.api.TicketNumber}), so the index is a dense array
 * per letter addressed by serial: issuing writes next to the previous ticket of that letter, and a lookup is two
 * array reads instead of a hash probe. Arrays grow only past the largest day seen, so a steady day allocates
 * nothing.
 */
final class NumberIndex
{
    private static final int LETTERS = 26;
    private static final int SERIAL_BITS = 20;
    private static final int SERIAL_MASK = (1 << SERIAL_BITS) - 1;
    private static final int INITIAL_SERIALS = 64;

    /** Per letter: ticket + 1 by serial, 0 when not issued today. */
    private final int[][] bySerial = new int[LETTERS][];
    /** Per letter: highest serial stored today. */
    private final int[] highest = new int[LETTERS];
    private int size;

    /** Maps a packed number to a ticket (its place in the table). */
    void put(final int number, final int index)
    {
        final int letter = (number >>> SERIAL_BITS) - 'A';
        final int serial = number & SERIAL_MASK;
        int[] serials = bySerial[letter];
        if (serials == null || serial >= serials.length)
        {
            serials = Arrays.copyOf(serials == null ? new int[0] : serials,
                Math.max(INITIAL_SERIALS, Math.max(serial + 1, serials == null ? 0 : 2 * serials.length)));
            bySerial[letter] = serials;
        }
        if (serials[serial] == 0)
        {
            size++;
        }
        serials[serial] = index + 1;
        highest[letter] = Math.max(highest[letter], serial);
    }

    /** @return the ticket of a packed number (any int), or -1 when no such ticket was issued today. */
    int get(final int number)
    {
        final int letter = (number >>> SERIAL_BITS) - 'A';
        if (letter < 0 || letter >= LETTERS)
        {
            return -1;
        }
        final int[] serials = bySerial[letter];
        final int serial = number & SERIAL_MASK;
        return serials == null || serial >= serials.length ? -1 : serials[serial] - 1;
    }

    /** @return numbers stored. */
    int size()
    {
        return size;
    }

    /** Forgets the day's numbers. */
    void clear()
    {
        for (int letter = 0; letter < LETTERS; letter++)
        {
            if (bySerial[letter] != null)
            {
                Arrays.fill(bySerial[letter], 0, highest[letter] + 1, 0);
            }
            highest[letter] = 0;
        }
        size = 0;
    }
}

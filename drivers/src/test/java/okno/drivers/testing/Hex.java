package okno.drivers.testing;

import java.util.HexFormat;

/**
 * Hex helpers for byte-exact assertions.
 */
public final class Hex
{
    private Hex()
    {
    }

    /**
     * @param hex bytes as hex digits, spaces allowed
     * @return the bytes
     */
    public static byte[] bytes(final String hex)
    {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /**
     * @param bytes bytes
     * @return upper-case hex with a space between bytes
     */
    public static String of(final byte[] bytes)
    {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}

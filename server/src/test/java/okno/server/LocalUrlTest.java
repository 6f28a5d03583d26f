package okno.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status URL printed on slips must be one a visitor's phone can open, never a wildcard address. */
final class LocalUrlTest
{
    @Test
    void aConcreteAddressIsUsedAsIs()
    {
        assertEquals("http://127.0.0.1:8080", OknoServer.localUrl("127.0.0.1", 8080));
        assertEquals("http://[::1]:8080", OknoServer.localUrl("::1", 8080));
    }

    @Test
    void aWildcardAddressBecomesThisMachinesName()
    {
        for (final String wildcard : new String[] {"0.0.0.0", "::"})
        {
            final String url = OknoServer.localUrl(wildcard, 8080);
            assertTrue(url.startsWith("http://") && url.endsWith(":8080"), url);
            assertFalse(url.contains("0.0.0.0") || url.contains("[::]"), url);
        }
    }
}

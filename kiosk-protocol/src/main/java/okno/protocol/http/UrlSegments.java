package okno.protocol.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of one path segment; a malformed escape is a 400, not an exception trace. */
final class UrlSegments
{
    private UrlSegments()
    {
    }

    static String decode(final String segment)
    {
        try
        {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (final IllegalArgumentException ex)
        {
            throw ApiException.badRequest("bad_path", "Malformed percent-escape in path segment '" + segment + "'.");
        }
    }
}

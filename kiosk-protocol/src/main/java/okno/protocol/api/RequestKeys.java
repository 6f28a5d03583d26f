package okno.protocol.api;

import okno.protocol.http.ApiException;

import java.nio.charset.StandardCharsets;

/**
 * Digest of a client {@code requestId} into the 64-bit key the engine deduplicates on (per centre, per day).
 * FNV-1a 64: stable across JVMs and releases, unlike {@code String.hashCode()}; 0 is reserved for "none".
 */
final class RequestKeys
{
    static final int MAX_LENGTH = 128;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RequestKeys()
    {
    }

    /** @return the key, or 0 when no request id was sent. */
    static long of(final String requestId)
    {
        if (requestId == null)
        {
            return 0;
        }
        if (requestId.isEmpty() || requestId.length() > MAX_LENGTH)
        {
            throw ApiException.badRequest("bad_request_id", "Field 'requestId' must be 1 to " + MAX_LENGTH
                + " characters.");
        }
        long hash = FNV_OFFSET;
        for (final byte b : requestId.getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash == 0 ? 1 : hash;
    }
}

package okno.protocol.auth;

import okno.config.Role;

/**
 * Who is calling: the role of the bearer token and, for centre-scoped roles, its centre id.
 *
 * @param role   role of the token; {@code null} for anonymous callers of open endpoints
 * @param centre centre the token is scoped to, or {@code null}
 * @param token  the token itself (rate limits are kept per token)
 */
public record Principal(Role role, String centre, String token)
{
    /** The caller without a token. */
    public static final Principal ANONYMOUS = new Principal(null, null, null);
}

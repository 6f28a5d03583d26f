package okno.config;

/**
 * An API bearer token.
 *
 * @param token  the secret string sent as {@code Authorization: Bearer <token>}
 * @param role   what the token may do
 * @param centre centre the token is scoped to (kiosk, terminal), or {@code null} for network-wide roles
 */
public record TokenDef(String token, Role role, String centre)
{
}

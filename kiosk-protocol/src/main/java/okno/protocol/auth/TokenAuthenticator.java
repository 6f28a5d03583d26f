package okno.protocol.auth;

import okno.config.Role;
import okno.config.TokenDef;
import okno.protocol.http.ApiException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code Authorization: Bearer <token>} headers against the configured tokens and checks roles.
 * The operator role may do everything; display may read any centre; kiosk and terminal tokens act only
 * on their own centre.
 */
public final class TokenAuthenticator
{
    private static final String BEARER = "Bearer ";

    private final Map<String, TokenDef> tokens = new HashMap<>();

    public TokenAuthenticator(final List<TokenDef> tokenDefs)
    {
        for (final TokenDef def : tokenDefs)
        {
            tokens.put(def.token(), def);
        }
    }

    /**
     * @param authorization the header value, may be {@code null}
     * @return the caller, {@link Principal#ANONYMOUS} when no header was sent
     * @throws ApiException 401 for a malformed header or an unknown token
     */
    public Principal authenticate(final String authorization)
    {
        if (authorization == null)
        {
            return Principal.ANONYMOUS;
        }
        if (!authorization.startsWith(BEARER))
        {
            throw new ApiException(401, "bad_authorization", "Authorization header must be 'Bearer <token>'.");
        }
        final String token = authorization.substring(BEARER.length()).trim();
        final TokenDef def = tokens.get(token);
        if (def == null)
        {
            throw new ApiException(401, "unknown_token", "The bearer token is not known.");
        }
        return new Principal(def.role(), def.centre(), def.token());
    }

    /**
     * Checks that the caller may act with {@code required} at {@code centre} (null for network scope).
     *
     * @throws ApiException 401 without a token, 403 for a wrong role or another centre
     */
    public static void require(final Principal principal, final Role required, final String centre)
    {
        if (principal.role() == null)
        {
            throw new ApiException(401, "token_required",
                "This endpoint needs a bearer token with role " + roleName(required) + ".");
        }
        if (principal.role() == Role.OPERATOR)
        {
            return;
        }
        final boolean roleOk = principal.role() == required
            || (required == Role.DISPLAY && principal.role() != Role.KIOSK);
        if (!roleOk)
        {
            throw new ApiException(403, "wrong_role", "A " + roleName(principal.role())
                + " token cannot do this; it needs role " + roleName(required) + ".");
        }
        if (centre != null && principal.centre() != null && !principal.centre().equals(centre))
        {
            throw new ApiException(403, "wrong_centre", "This token is for centre '" + principal.centre()
                + "' and cannot act on centre '" + centre + "'.");
        }
    }

    private static String roleName(final Role role)
    {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}

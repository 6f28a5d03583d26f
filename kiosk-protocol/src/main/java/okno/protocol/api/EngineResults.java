package okno.protocol.api;

import okno.engine.api.Result;
import okno.protocol.http.ApiException;

/** Maps an engine rejection to the HTTP status of its class: 400 bad input, 404 not found, 409 conflict. */
final class EngineResults
{
    private EngineResults()
    {
    }

    /** @throws ApiException unless the result is OK */
    static void check(final Result result)
    {
        if (result == Result.OK)
        {
            return;
        }
        final int status = switch (result.kind())
        {
            case BAD_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT, EMPTY -> 409;
            case NONE -> 200;
        };
        final String sentence = Character.toUpperCase(result.message().charAt(0)) + result.message().substring(1)
            + ".";
        throw new ApiException(status, result.name().toLowerCase(java.util.Locale.ROOT), sentence);
    }
}

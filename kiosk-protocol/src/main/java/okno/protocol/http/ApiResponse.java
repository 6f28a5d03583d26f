package okno.protocol.http;

/**
 * What a handler answers: a status and a body that is serialised to JSON ({@code null} body = no content),
 * or raw text for the few non-JSON endpoints.
 *
 * @param status      HTTP status
 * @param body        object serialised as JSON, or {@code null}
 * @param contentType content type when {@code body} is a String sent as it is, else {@code null} for JSON
 */
public record ApiResponse(int status, Object body, String contentType)
{
    /** 200 with a JSON body. */
    public static ApiResponse ok(final Object body)
    {
        return new ApiResponse(200, body, null);
    }

    /** 201 with a JSON body. */
    public static ApiResponse created(final Object body)
    {
        return new ApiResponse(201, body, null);
    }

    /** 204 without a body. */
    public static ApiResponse noContent()
    {
        return new ApiResponse(204, null, null);
    }

    /** 200 with text sent as it is. */
    public static ApiResponse text(final String text, final String contentType)
    {
        return new ApiResponse(200, text, contentType);
    }
}

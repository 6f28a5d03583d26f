package okno.protocol.http;

/**
 * A request the API refuses: HTTP status, a stable error code and a human sentence, sent as
 * {@code {"error": code, "message": message}}. Thrown by handlers; never escapes to Netty.
 */
public final class ApiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(final int status, final String code, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** @return HTTP status. */
    public int status()
    {
        return status;
    }

    /** @return stable machine-readable error code, e.g. {@code unknown_centre}. */
    public String code()
    {
        return code;
    }

    /** 400 with a code. */
    public static ApiException badRequest(final String code, final String message)
    {
        return new ApiException(400, code, message);
    }

    /** 404 with a code. */
    public static ApiException notFound(final String code, final String message)
    {
        return new ApiException(404, code, message);
    }
}

package okno.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 keep-alive workload with pipelined requests: display reads of a centre's queue and services and
 * the health check in turn. Each is a query through the engine ring, answered as JSON.
 */
final class HttpLoad implements LoadProtocol
{
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final byte[][] requests;

    HttpLoad(final String host, final String centre, final String token)
    {
        final String headers = " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        requests = new byte[][] {
            ("GET /api/centres/" + centre + "/queue" + headers).getBytes(StandardCharsets.US_ASCII),
            ("GET /api/centres/" + centre + "/services" + headers).getBytes(StandardCharsets.US_ASCII),
            ("GET /api/health" + headers).getBytes(StandardCharsets.US_ASCII)};
    }

    @Override
    public int setUpRequests(final ByteBuffer out)
    {
        return 0;
    }

    @Override
    public int setUpAnswers()
    {
        return 0;
    }

    @Override
    public boolean writeRequest(final ByteBuffer out, final long n)
    {
        final byte[] request = requests[(int)(n % requests.length)];
        if (out.remaining() < request.length)
        {
            return false;
        }
        out.put(request);
        return true;
    }

    @Override
    public int readAnswer(final ByteBuffer in)
    {
        final int start = in.position();
        final int end = in.limit();
        int headerEnd = -1;
        for (int i = start; i + 3 < end; i++)
        {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n')
            {
                headerEnd = i + 4;
                break;
            }
        }
        if (headerEnd < 0)
        {
            return -1;
        }
        final int bodyLength = contentLength(in, start, headerEnd);
        if (headerEnd + bodyLength > end)
        {
            return -1;
        }
        // "HTTP/1.1 200": the status digits start at offset 9
        final int status = (in.get(start + 9) - '0') * 100 + (in.get(start + 10) - '0') * 10 + in.get(start + 11) - '0';
        in.position(headerEnd + bodyLength);
        return status < 300 ? 0 : 1;
    }

    private static int contentLength(final ByteBuffer in, final int from, final int to)
    {
        for (int i = from; i + CONTENT_LENGTH.length < to; i++)
        {
            if (in.get(i) == '\n' && matches(in, i + 1))
            {
                int value = 0;
                for (int j = i + 1 + CONTENT_LENGTH.length; j < to; j++)
                {
                    final byte b = in.get(j);
                    if (b >= '0' && b <= '9')
                    {
                        value = value * 10 + b - '0';
                    }
                    else if (b != ' ')
                    {
                        break;
                    }
                }
                return value;
            }
        }
        return 0;
    }

    private static boolean matches(final ByteBuffer in, final int at)
    {
        for (int k = 0; k < CONTENT_LENGTH.length; k++)
        {
            if (Character.toLowerCase(in.get(at + k)) != CONTENT_LENGTH[k])
            {
                return false;
            }
        }
        return true;
    }
}

package okno.protocol.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the JSON trees the API answers with (maps with string keys, collections, strings, integers, finite
 * doubles, booleans, null) straight into a Netty buffer, as Jackson would write them; any other value goes
 * through Jackson. Why: Jackson's map serialiser escapes every key anew and looks up a serialiser per value,
 * which made it half of an HTTP event loop's work; keys here are encoded once and cached. Thread-safe.
 */
final class JsonTreeWriter
{
    /** Distinct keys cached at most: API field names are a few hundred; keys made from data are not cached. */
    private static final int MAX_CACHED_KEYS = 4096;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();

    /** @param mapper serialises values that are not part of a plain tree */
    JsonTreeWriter(final ObjectMapper mapper)
    {
        this.mapper = mapper;
    }

    /** Appends {@code value} as UTF-8 JSON. */
    void write(final Object value, final ByteBuf out)
    {
        // Exact classes first: the views build these, and a class compare is cheaper than an interface check.
        final Class<?> type = value == null ? null : value.getClass();
        if (type == null)
        {
            out.writeBytes(NULL);
        }
        else if (type == String.class)
        {
            writeString((String)value, out);
        }
        else if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class)
        {
            writeLong(((Number)value).longValue(), out);
        }
        else if (type == Boolean.class)
        {
            out.writeBytes((Boolean)value ? TRUE : FALSE);
        }
        else if (type == Double.class && Double.isFinite((Double)value))
        {
            ByteBufUtil.writeAscii(out, Double.toString((Double)value));
        }
        else if (value instanceof Map)
        {
            writeObject((Map<?, ?>)value, out);
        }
        else if (value instanceof Collection)
        {
            writeArray((Collection<?>)value, out);
        }
        else
        {
            writeWithJackson(value, out);
        }
    }

    /** Writes a map with string keys; one with another key is rewritten whole by Jackson. */
    private void writeObject(final Map<?, ?> map, final ByteBuf out)
    {
        final int start = out.writerIndex();
        out.writeByte('{');
        boolean first = true;
        for (final Map.Entry<?, ?> entry : map.entrySet())
        {
            if (!(entry.getKey() instanceof String))
            {
                out.writerIndex(start);
                writeWithJackson(map, out);
                return;
            }
            if (!first)
            {
                out.writeByte(',');
            }
            first = false;
            writeKey((String)entry.getKey(), out);
            write(entry.getValue(), out);
        }
        out.writeByte('}');
    }

    private void writeArray(final Collection<?> values, final ByteBuf out)
    {
        out.writeByte('[');
        boolean first = true;
        for (final Object value : values)
        {
            if (!first)
            {
                out.writeByte(',');
            }
            first = false;
            write(value, out);
        }
        out.writeByte(']');
    }

    /** Writes the decimal digits of {@code value} without making a string. */
    static void writeLong(final long value, final ByteBuf out)
    {
        if (value == Long.MIN_VALUE)
        {
            ByteBufUtil.writeAscii(out, Long.toString(value));
            return;
        }
        if (value < 0)
        {
            out.writeByte('-');
        }
        long rest = Math.abs(value);
        int digits = 1;
        for (long power = 10; digits < 19 && power <= rest; power *= 10)
        {
            digits++;
        }
        out.ensureWritable(digits);
        final int at = out.writerIndex();
        for (int i = digits - 1; i >= 0; i--)
        {
            out.setByte(at + i, '0' + (int)(rest % 10));
            rest /= 10;
        }
        out.writerIndex(at + digits);
    }

    /** Writes {@code "key":}, encoded once per distinct key. */
    private void writeKey(final String key, final ByteBuf out)
    {
        byte[] encoded = keys.get(key);
        if (encoded == null)
        {
            final ByteBuf scratch = out.alloc().heapBuffer(key.length() + 3);
            try
            {
                writeString(key, scratch);
                scratch.writeByte(':');
                encoded = ByteBufUtil.getBytes(scratch);
            }
            finally
            {
                scratch.release();
            }
            if (keys.size() < MAX_CACHED_KEYS)
            {
                keys.putIfAbsent(key, encoded);
            }
        }
        out.writeBytes(encoded);
    }

    /** Quotes and escapes as Jackson does: quote, backslash and control characters; the rest as UTF-8. */
    static void writeString(final String s, final ByteBuf out)
    {
        out.writeByte('"');
        int plainFrom = 0;
        for (int i = 0, n = s.length(); i < n; i++)
        {
            final char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\')
            {
                ByteBufUtil.writeUtf8(out, s, plainFrom, i);
                escape(c, out);
                plainFrom = i + 1;
            }
        }
        ByteBufUtil.writeUtf8(out, s, plainFrom, s.length());
        out.writeByte('"');
    }

    private static void escape(final char c, final ByteBuf out)
    {
        out.writeByte('\\');
        switch (c)
        {
            case '"', '\\' -> out.writeByte(c);
            case '\n' -> out.writeByte('n');
            case '\r' -> out.writeByte('r');
            case '\t' -> out.writeByte('t');
            case '\b' -> out.writeByte('b');
            case '\f' -> out.writeByte('f');
            default ->
            {
                out.writeByte('u').writeByte('0').writeByte('0');
                out.writeByte(HEX[c >> 4]).writeByte(HEX[c & 0xF]);
            }
        }
    }

    private void writeWithJackson(final Object value, final ByteBuf out)
    {
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out))
        {
            mapper.writeValue((OutputStream)stream, value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getName(), ex);
        }
    }
}

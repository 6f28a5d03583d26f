package okno.engine.snapshot;

import okno.engine.api.StateMachine;
import org.agrona.ExpandableArrayBuffer;

import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;

/**
 * A snapshot body encoded in memory, big-endian ({@link DataOutput} order), into a buffer kept and reused from one
 * snapshot to the next: the state machine's thread encodes (no locks, no copies per field, no allocation once
 * the buffer has grown to the state's size), and another thread writes the bytes to disk with
 * {@link SnapshotStore#write(SnapshotBody, long, long, long)}.
 */
public final class SnapshotBody implements DataOutput
{
    private static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private int length;
    private int format;

    /**
     * Replaces the contents with the state's snapshot.
     *
     * @return this
     */
    public SnapshotBody encode(final StateMachine state)
    {
        length = 0;
        format = state.snapshotFormat();
        try
        {
            state.writeSnapshot(this);
        }
        catch (final IOException ex)
        {
            // Only an IOException of the state machine's own making can come here: the buffer never fails.
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    /** @return the state machine's snapshot format of the encoded bytes. */
    public int format()
    {
        return format;
    }

    /** @return bytes encoded */
    public int length()
    {
        return length;
    }

    /** @return the backing array; bytes {@code [0, length())} are the body */
    public byte[] array()
    {
        return buffer.byteArray();
    }

    @Override
    public void write(final int b)
    {
        writeByte(b);
    }

    @Override
    public void write(final byte[] b)
    {
        write(b, 0, b.length);
    }

    @Override
    public void write(final byte[] b, final int off, final int len)
    {
        buffer.putBytes(length, b, off, len);
        length += len;
    }

    @Override
    public void writeBoolean(final boolean v)
    {
        writeByte(v ? 1 : 0);
    }

    @Override
    public void writeByte(final int v)
    {
        buffer.putByte(length, (byte)v);
        length++;
    }

    @Override
    public void writeShort(final int v)
    {
        buffer.putShort(length, (short)v, ORDER);
        length += Short.BYTES;
    }

    @Override
    public void writeChar(final int v)
    {
        buffer.putChar(length, (char)v, ORDER);
        length += Character.BYTES;
    }

    @Override
    public void writeInt(final int v)
    {
        buffer.putInt(length, v, ORDER);
        length += Integer.BYTES;
    }

    @Override
    public void writeLong(final long v)
    {
        buffer.putLong(length, v, ORDER);
        length += Long.BYTES;
    }

    @Override
    public void writeFloat(final float v)
    {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(final double v)
    {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            writeByte(s.charAt(i));
        }
    }

    @Override
    public void writeChars(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 with a length prefix, as {@link java.io.DataOutputStream#writeUTF}. */
    @Override
    public void writeUTF(final String s)
    {
        final int lengthAt = length;
        writeShort(0);
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F)
            {
                writeByte(c);
            }
            else if (c <= 0x07FF)
            {
                writeByte(0xC0 | (c >> 6));
                writeByte(0x80 | (c & 0x3F));
            }
            else
            {
                writeByte(0xE0 | (c >> 12));
                writeByte(0x80 | ((c >> 6) & 0x3F));
                writeByte(0x80 | (c & 0x3F));
            }
        }
        final int encoded = length - lengthAt - Short.BYTES;
        if (encoded > 0xFFFF)
        {
            throw new IllegalArgumentException("string of " + encoded + " encoded bytes");
        }
        buffer.putShort(lengthAt, (short)encoded, ORDER);
    }
}

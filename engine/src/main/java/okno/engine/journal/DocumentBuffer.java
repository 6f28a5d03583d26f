package okno.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Off-heap room for one journal document while it is encoded or decoded, with its CRC. Direct memory, because
 * Chronicle copies between two native addresses with one {@code Unsafe.copyMemory}, but from a heap array byte by
 * byte in a loop on this JDK (15 % of the fused pipeline's time before). Reused; grows only for a bigger document.
 */
final class DocumentBuffer
{
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final CRC32 crc = new CRC32();
    private ByteBuffer memory;

    /** @param capacity bytes of the largest document expected */
    DocumentBuffer(final int capacity)
    {
        allocate(capacity);
    }

    /** @return the document's bytes; the same object for the buffer's life, even after it grows */
    UnsafeBuffer view()
    {
        return view;
    }

    /** @return CRC32 of the first {@code length} bytes */
    int crc(final int length)
    {
        crc.reset();
        memory.clear().limit(length);
        crc.update(memory);
        return (int)crc.getValue();
    }

    /** Appends the first {@code length} bytes at the write position of {@code bytes}. */
    void writeTo(final Bytes<?> bytes, final int length)
    {
        bytes.unsafeWrite(view.addressOffset(), length);
    }

    /** Copies every readable byte of {@code bytes} to the start of the buffer. @return their number */
    int readFrom(final Bytes<?> bytes)
    {
        final int length = (int)Math.min(Integer.MAX_VALUE - 8, bytes.readRemaining());
        if (length > memory.capacity())
        {
            allocate(length);
        }
        bytes.unsafeRead(view.addressOffset(), length);
        return length;
    }

    private void allocate(final int capacity)
    {
        memory = BufferUtil.allocateDirectAligned(BitUtil.align(Math.max(1, capacity), 64), 64);
        view.wrap(memory);
    }
}

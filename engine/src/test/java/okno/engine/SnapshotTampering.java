package okno.engine;

import okno.engine.snapshot.SnapshotStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Damages snapshot files the way recovery tests need (also used by other modules through the test-jar). */
public final class SnapshotTampering
{
    /** Offset of the recorded state hash in the snapshot header. */
    private static final int HASH_OFFSET = 24;

    private SnapshotTampering()
    {
    }

    /** Replaces the recorded state hash and fixes the header CRC, so only the hash check can catch it. */
    public static void rewriteRecordedHash(final Path file, final long hash) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.putLong(HASH_OFFSET, hash);
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, SnapshotStore.HEADER_LENGTH - 4);
        buf.putInt(SnapshotStore.HEADER_LENGTH - 4, (int)crc.getValue());
        Files.write(file, bytes);
    }

    /**
     * Rewrites a snapshot the way okno wrote it before the header recorded the state format: file format 1, a
     * 48-byte header without the state format, its CRC32 over bytes [0, 44).
     */
    public static void rewriteAsFileFormat1(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final int fields = SnapshotStore.HEADER_LENGTH - 8;
        final byte[] out = new byte[bytes.length - 4];
        System.arraycopy(bytes, 0, out, 0, fields);
        final ByteBuffer buf = ByteBuffer.wrap(out);
        buf.putInt(4, 1);
        final CRC32 crc = new CRC32();
        crc.update(out, 0, fields);
        buf.putInt(fields, (int)crc.getValue());
        System.arraycopy(bytes, SnapshotStore.HEADER_LENGTH, out, fields + 4, bytes.length - SnapshotStore.HEADER_LENGTH);
        Files.write(file, out);
    }
}

package okno.engine.snapshot;

import okno.engine.api.StateMachine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Snapshot files of the state machine in one directory, named {@code snapshot-<journalSeq>.bin} (sequence
 * zero-padded to 20 digits so names sort by age). A file is written to a temporary name, forced to disk and
 * renamed atomically, so a crash leaves either the old set or the new file, never half a file under a final
 * name. Only the newest {@code keep} files are kept.
 *
 * <pre>
 * File layout, big-endian ({@link java.io.DataOutput} order):
 *   0 int  magic 0x4F4B534E ("OKSN")     24 long stateHash
 *   4 int  file format version (2)      32 long body length
 *   8 long journal sequence covered     40 int  CRC32 of the body
 *  16 long journal resume index         44 int  state format (StateMachine.snapshotFormat)
 *                                       48 int  CRC32 of bytes [0, 48)
 *  52 body: StateMachine.writeSnapshot
 * </pre>
 * Files of file format 1 (okno before session 5, without the state format) are skipped as unreadable.
 */
public final class SnapshotStore
{
    /** Magic number at the start of every snapshot file. */
    public static final int MAGIC = 0x4F4B534E;
    /** Format version written. */
    public static final int VERSION = 2;
    /** Header bytes. */
    public static final int HEADER_LENGTH = 52;

    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private final int keep;

    /**
     * @param dir  directory of the snapshots, created when missing
     * @param keep how many of the newest snapshots to keep, at least 1
     */
    public SnapshotStore(final Path dir, final int keep) throws IOException
    {
        if (keep < 1)
        {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.dir = Files.createDirectories(dir);
        this.keep = keep;
    }

    /** @return the snapshot file name for a journal sequence. */
    public Path fileFor(final long journalSeq)
    {
        return dir.resolve(String.format("%s%020d%s", PREFIX, journalSeq, SUFFIX));
    }

    /**
     * Encodes the state and writes it durably (see {@link #write(SnapshotBody, long, long, long)}). Runs on the
     * thread that owns the state machine; allocates the body buffer.
     *
     * @return the file written
     */
    public Path write(final StateMachine state, final long journalSeq, final long resumeIndex) throws IOException
    {
        final SnapshotBody body = new SnapshotBody().encode(state);
        return write(body, journalSeq, resumeIndex, state.stateHash());
    }

    /**
     * Writes an encoded body to a temporary file with its header (body CRC32 computed here), forces it to disk,
     * renames it atomically to its final name and forces the directory, then deletes snapshots beyond the newest
     * {@code keep}. Any thread, as long as the body is not re-encoded meanwhile.
     *
     * @param stateHash the state's hash when the body was encoded
     * @return the file written
     */
    public Path write(final SnapshotBody body, final long journalSeq, final long resumeIndex, final long stateHash)
        throws IOException
    {
        final Path target = fileFor(journalSeq);
        final Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        final CRC32 bodyCrc = new CRC32();
        bodyCrc.update(body.array(), 0, body.length());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            final ByteBuffer header = encodeHeader(
                new SnapshotHeader(journalSeq, resumeIndex, stateHash, body.length(), (int)bodyCrc.getValue(),
                    body.format()));
            final ByteBuffer bytes = ByteBuffer.wrap(body.array(), 0, body.length());
            while (header.hasRemaining() || bytes.hasRemaining())
            {
                channel.write(new ByteBuffer[] {header, bytes});
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        prune();
        return target;
    }

    /** @return snapshot files, newest (highest journal sequence) first. */
    public List<Path> list() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> result = new ArrayList<>();
            files.filter(p -> isSnapshotName(p.getFileName().toString())).forEach(result::add);
            result.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return result;
        }
    }

    /**
     * Reads and checks a snapshot file without touching any state.
     *
     * @return the checked snapshot, or null when the file is damaged (the reason is logged)
     */
    public Loaded read(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final int version = fileVersion(bytes);
        if (version != VERSION)
        {
            LOG.log(Level.ERROR, "snapshot {0} was written by another okno (file format version {1}, this okno reads "
                + "{2}); skipping it", file, version, VERSION);
            return null;
        }
        final String problem = check(bytes);
        if (problem != null)
        {
            LOG.log(Level.ERROR, "snapshot {0} is damaged ({1}); skipping it", file, problem);
            return null;
        }
        final ByteBuffer buf = ByteBuffer.wrap(bytes);
        final SnapshotHeader header = new SnapshotHeader(
            buf.getLong(8), buf.getLong(16), buf.getLong(24), buf.getLong(32), buf.getInt(40), buf.getInt(44));
        return new Loaded(file, header, bytes);
    }

    /** Deletes temporary files a crash left behind. */
    public void deleteTemporaryFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path p : (Iterable<Path>)files::iterator)
            {
                if (p.getFileName().toString().endsWith(TEMP_SUFFIX))
                {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A checked snapshot file held in memory. */
    public static final class Loaded
    {
        private final Path file;
        private final SnapshotHeader header;
        private final byte[] bytes;

        private Loaded(final Path file, final SnapshotHeader header, final byte[] bytes)
        {
            this.file = file;
            this.header = header;
            this.bytes = bytes;
        }

        /** @return the file it came from. */
        public Path file()
        {
            return file;
        }

        /** @return the checked header. */
        public SnapshotHeader header()
        {
            return header;
        }

        /**
         * Replaces the state with this snapshot and checks the recorded state hash.
         *
         * @throws IllegalStateException when the state hash after loading differs from the recorded one: the
         *                               state machine's snapshot code is not faithful, a bug to fix first
         */
        public void restoreInto(final StateMachine state) throws IOException
        {
            state.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes, HEADER_LENGTH, bytes.length)));
            final long hash = state.stateHash();
            if (hash != header.stateHash())
            {
                throw new IllegalStateException("snapshot " + file + " records state hash "
                    + Long.toHexString(header.stateHash()) + " but the loaded state hashes to "
                    + Long.toHexString(hash));
            }
        }
    }

    /**
     * @return the file format version of a snapshot file, or {@link #VERSION} when the bytes do not even start like
     *     one (then {@link #check} names the damage). Read before the checks: another version's header differs in
     *     length, so its CRC is not where this version's is.
     */
    private static int fileVersion(final byte[] bytes)
    {
        final ByteBuffer buf = ByteBuffer.wrap(bytes);
        return bytes.length >= 8 && buf.getInt(0) == MAGIC ? buf.getInt(4) : VERSION;
    }

    /** @return why a snapshot file of this version is damaged, or null when it is sound. */
    private static String check(final byte[] bytes)
    {
        if (bytes.length < HEADER_LENGTH)
        {
            return "file of " + bytes.length + " bytes is shorter than the header";
        }
        final ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (buf.getInt(0) != MAGIC)
        {
            return "bad magic 0x" + Integer.toHexString(buf.getInt(0));
        }
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, HEADER_LENGTH - 4);
        if ((int)crc.getValue() != buf.getInt(HEADER_LENGTH - 4))
        {
            return "header CRC32 mismatch";
        }
        final long bodyLength = buf.getLong(32);
        if (bodyLength != bytes.length - HEADER_LENGTH)
        {
            return "body length " + (bytes.length - HEADER_LENGTH) + " where the header says " + bodyLength;
        }
        crc.reset();
        crc.update(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH);
        if ((int)crc.getValue() != buf.getInt(40))
        {
            return "body CRC32 mismatch";
        }
        return null;
    }

    private static ByteBuffer encodeHeader(final SnapshotHeader h)
    {
        final ByteBuffer buf = ByteBuffer.allocate(HEADER_LENGTH);
        buf.putInt(MAGIC).putInt(VERSION).putLong(h.journalSeq()).putLong(h.resumeIndex())
            .putLong(h.stateHash()).putLong(h.bodyLength()).putInt(h.bodyCrc()).putInt(h.stateFormat());
        final CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, HEADER_LENGTH - 4);
        buf.putInt((int)crc.getValue());
        return buf.flip();
    }

    private static boolean isSnapshotName(final String name)
    {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private void prune() throws IOException
    {
        final List<Path> files = list();
        for (int i = keep; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }
}

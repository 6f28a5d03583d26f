package okno.engine.snapshot;

/**
 * The checked header of a snapshot file.
 *
 * @param journalSeq  journal sequence of the last command the snapshot covers (0 = empty state)
 * @param resumeIndex queue index of the journal document holding that command, where replay resumes
 *                    (records up to {@code journalSeq} in it are skipped), or -1 to read from the start
 * @param stateHash   {@code StateMachine.stateHash()} when the snapshot was taken
 * @param bodyLength  bytes of the state after the header
 * @param bodyCrc     CRC32 of those bytes
 * @param stateFormat {@code StateMachine.snapshotFormat()} of the state machine that wrote the body
 */
public record SnapshotHeader(long journalSeq, long resumeIndex, long stateHash, long bodyLength, int bodyCrc,
    int stateFormat)
{
}

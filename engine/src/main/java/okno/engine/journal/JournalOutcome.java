package okno.engine.journal;

/**
 * What a {@link JournalReader#read} pass found.
 *
 * @param replayed      records handed to the handler
 * @param lastSeq       journal sequence of the last good record (the snapshot's when none was replayed)
 * @param lastGoodIndex queue index of the document holding {@code lastSeq}, or the start index when none was
 *                      read, or -1
 * @param damagedIndex  queue index of the damaged document replay stopped at, or -1 when the journal is whole
 * @param damage        why that document is damaged, or null
 */
public record JournalOutcome(long replayed, long lastSeq, long lastGoodIndex, long damagedIndex, String damage)
{
    /** @return whether replay stopped at a damaged document. */
    public boolean damaged()
    {
        return damagedIndex >= 0;
    }
}

package okno.engine.state;

/**
 * Whether the centres' {@link ServiceLoad}s keep their ETA shares current on every change. A replay computes no
 * ETA, so {@link NetworkState#replay} pauses the upkeep (about a sixth of a {@code moscow} command's time: each
 * change of a line adds to every window having its service) and each centre catches up, from the current values,
 * at its first ETA after it. One instance per state, shared by its centres; engine thread only.
 */
final class EtaUpkeep
{
    boolean paused;
}

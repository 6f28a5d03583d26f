package okno.drivers.display;

/**
 * Receives key presses from window keypads. Called on the bus worker thread; must not block.
 */
@FunctionalInterface
public interface KeypadListener
{
    /**
     * @param windowId    window whose keypad was pressed (from the bus address)
     * @param key         the key
     * @param timestampMs wall-clock time the press was read from the bus
     */
    void onKey(String windowId, KeypadKey key, long timestampMs);
}

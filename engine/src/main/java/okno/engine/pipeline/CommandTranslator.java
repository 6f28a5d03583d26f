package okno.engine.pipeline;

import okno.engine.api.Command;

/**
 * Fills a claimed, cleared ring slot from a caller's argument. Runs on the caller's thread; must not keep the
 * command. A static translator plus an argument avoids a capturing lambda per command.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface CommandTranslator<A>
{
    /**
     * @param command the cleared slot; {@link Command#timestampMs} is overwritten by the pipeline afterwards
     * @param arg     the caller's argument
     */
    void translate(Command command, A arg);
}

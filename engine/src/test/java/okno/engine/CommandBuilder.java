package okno.engine;

import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.TicketNumber;

/**
 * Fills a {@link Command} fluently, with ids translated through a {@link NetworkIndex} the way edges do:
 * {@code command(ISSUE_TICKET).centre("north").services("passport").priority(NORMAL)}.
 * Unknown ids become -1, so rejections for unknown references are easy to provoke.
 */
public final class CommandBuilder
{
    private final NetworkIndex index;
    private final Command command = new Command().clear();

    /** Starts a command of a type at a time. */
    public CommandBuilder(final NetworkIndex index, final CommandType type, final long timestampMs)
    {
        this.index = index;
        command.type = type;
        command.timestampMs = timestampMs;
    }

    public CommandBuilder centre(final String id)
    {
        command.centre = index.centre(id);
        return this;
    }

    public CommandBuilder centre(final int centre)
    {
        command.centre = centre;
        return this;
    }

    /** Window id within the centre set before. */
    public CommandBuilder window(final String id)
    {
        command.window = index.window(command.centre, id);
        return this;
    }

    public CommandBuilder window(final int window)
    {
        command.window = window;
        return this;
    }

    public CommandBuilder staff(final String id)
    {
        command.staff = index.staff(id);
        return this;
    }

    public CommandBuilder staff(final int staff)
    {
        command.staff = staff;
        return this;
    }

    /** Kiosk index ({@link NetworkIndex#kiosk}) the command comes from. */
    public CommandBuilder kiosk(final int kiosk)
    {
        command.kiosk = kiosk;
        return this;
    }

    public CommandBuilder priority(final PriorityClass priority)
    {
        command.priority = priority.code();
        return this;
    }

    public CommandBuilder priority(final int code)
    {
        command.priority = code;
        return this;
    }

    public CommandBuilder services(final String... ids)
    {
        command.serviceCount = 0;
        for (final String id : ids)
        {
            command.addService(index.service(id));
        }
        return this;
    }

    public CommandBuilder serviceIndexes(final int... services)
    {
        command.serviceCount = 0;
        for (final int s : services)
        {
            command.addService(s);
        }
        return this;
    }

    /** Sets a service count beyond the array, as a corrupt or hostile caller could. */
    public CommandBuilder serviceCount(final int count)
    {
        command.serviceCount = count;
        return this;
    }

    public CommandBuilder ticket(final int number)
    {
        command.ticketNumber = number;
        return this;
    }

    public CommandBuilder ticket(final String label)
    {
        command.ticketNumber = TicketNumber.parse(label);
        return this;
    }

    public CommandBuilder score(final int score)
    {
        command.score = score;
        return this;
    }

    public CommandBuilder targetCentre(final String id)
    {
        command.targetCentre = index.centre(id);
        return this;
    }

    public CommandBuilder targetWindow(final String id)
    {
        command.targetWindow = index.window(command.centre, id);
        return this;
    }

    public CommandBuilder targetWindow(final int window)
    {
        command.targetWindow = window;
        return this;
    }

    public CommandBuilder targetService(final String id)
    {
        command.targetService = index.service(id);
        return this;
    }

    public CommandBuilder targetService(final int service)
    {
        command.targetService = service;
        return this;
    }

    public CommandBuilder slot(final long slotMs)
    {
        command.slotMs = slotMs;
        return this;
    }

    public CommandBuilder appointment(final long code)
    {
        command.appointmentCode = code;
        return this;
    }

    public CommandBuilder flag(final int flag)
    {
        command.flag = flag;
        return this;
    }

    public CommandBuilder requestKey(final long key)
    {
        command.requestKey = key;
        return this;
    }

    public CommandBuilder type(final CommandType type)
    {
        command.type = type;
        return this;
    }

    /** @return the filled command (owned by this builder). */
    public Command build()
    {
        return command;
    }
}

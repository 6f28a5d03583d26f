package okno.server;

import java.io.PrintWriter;

/** A one-line text progress bar redrawn with carriage returns on stderr, once per simulated hour at most. */
final class ProgressBar
{
    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final int days;
    private int lastPercent = -1;

    ProgressBar(final PrintWriter err, final int days)
    {
        this.err = err;
        this.days = Math.max(1, days);
    }

    /** The run reached {@code hour} of its {@code day}-th day overall. */
    void hour(final int day, final int hour)
    {
        final int percent = (int)Math.min(100, (day * 24L + hour) * 100 / (days * 24L));
        if (percent == lastPercent)
        {
            return;
        }
        lastPercent = percent;
        final int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% day " + (day + 1)
            + " " + String.format("%02d:00", hour));
        err.flush();
    }

    /** Completes the bar and ends its line. */
    void done()
    {
        err.print("\r[" + "#".repeat(WIDTH) + "] 100%" + " ".repeat(12) + "\n");
        err.flush();
    }
}

package okno.config;

/**
 * One thing wrong with a network configuration, located like a compiler error.
 *
 * @param file    the file (or resource, or caller-chosen source name) the problem is in
 * @param line    1-based line of the offending node, 0 when the problem has no line (e.g. unreadable file)
 * @param column  1-based column of the offending node, 0 when unknown
 * @param path    field path from the document root, e.g. {@code centres[0].windows[2].skills.pasport};
 *                empty for the document itself
 * @param message what is wrong, a human sentence without trailing period
 */
public record ConfigProblem(String file, int line, int column, String path, String message)
{
    /** @return {@code file:line:column: path: message}, leaving out the parts that are unknown. */
    public String format()
    {
        final StringBuilder sb = new StringBuilder(file);
        if (line > 0)
        {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty())
        {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString()
    {
        return format();
    }
}

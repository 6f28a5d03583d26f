package okno.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A network configuration could not be loaded. Carries every problem found, not just the first one, in document
 * order; the message is the formatted problems, one per line.
 */
public final class ConfigException extends RuntimeException
{
    private final List<ConfigProblem> problems;

    /** @param problems at least one problem. */
    public ConfigException(final List<ConfigProblem> problems)
    {
        super(problems.stream().map(ConfigProblem::format).collect(Collectors.joining(System.lineSeparator())));
        if (problems.isEmpty())
        {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in document order. */
    public List<ConfigProblem> problems()
    {
        return problems;
    }
}

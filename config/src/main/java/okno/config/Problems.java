package okno.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one document so that all of them are reported at once. */
final class Problems
{
    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Problems(final String file)
    {
        this.file = file;
    }

    /** Records a problem at a node. */
    void add(final YamlNode at, final String path, final String message)
    {
        add(at.line(), at.column(), path, message);
    }

    /** Records a problem at a line and column (0 when unknown). */
    void add(final int line, final int column, final String path, final String message)
    {
        problems.add(new ConfigProblem(file, line, column, path, message));
    }

    boolean isEmpty()
    {
        return problems.isEmpty();
    }

    /** Throws the collected problems, in document order, when there are any. */
    void throwIfAny()
    {
        if (!problems.isEmpty())
        {
            final List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(sorted);
        }
    }
}

package okno.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of a sub-benchmark; unknown names are refused. */
final class BenchArgs
{
    private final Map<String, String> values = new HashMap<>();

    /**
     * @param args  the command line after the sub-benchmark name
     * @param known option names without dashes; flags are those given {@code --name} without a value
     * @throws IllegalArgumentException on an unknown option
     */
    BenchArgs(final String[] args, final Set<String> known)
    {
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (!arg.startsWith("--") || !known.contains(arg.substring(2)))
            {
                throw new IllegalArgumentException("unknown option " + arg + " (known: --" + String.join(", --",
                    known.stream().sorted().toList()) + ")");
            }
            final boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(arg.substring(2), hasValue ? args[++i] : "true");
        }
    }

    String string(final String name, final String fallback)
    {
        return values.getOrDefault(name, fallback);
    }

    int integer(final String name, final int fallback)
    {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    double decimal(final String name, final double fallback)
    {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    boolean flag(final String name)
    {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    List<Integer> integers(final String name, final List<Integer> fallback)
    {
        if (!values.containsKey(name))
        {
            return fallback;
        }
        final List<Integer> list = new ArrayList<>();
        Arrays.stream(values.get(name).split(",")).map(s -> Integer.parseInt(s.trim().replace("_", "")))
            .forEach(list::add);
        return list;
    }
}

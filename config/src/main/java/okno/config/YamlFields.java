package okno.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed, validated access to the fields of one YAML mapping. Every accessor reports what is wrong (missing,
 * wrong type, out of range) at the offending node and returns {@code null} so the caller can go on and find
 * the next problem too. Unknown keys are reported when the view is created.
 */
final class YamlFields
{
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final Problems problems;
    private final YamlNode.Mapping mapping;
    private final String path;

    private YamlFields(final Problems problems, final YamlNode.Mapping mapping, final String path)
    {
        this.problems = problems;
        this.mapping = mapping;
        this.path = path;
    }

    /**
     * @param allowed the keys this mapping may have, in the order they are documented; {@code null} for any
     * @return a view of the node, or {@code null} (and a problem) when it is not a mapping
     */
    static YamlFields of(final Problems problems, final YamlNode node, final String path, final List<String> allowed)
    {
        if (!(node instanceof YamlNode.Mapping))
        {
            problems.add(node, path, "expected a mapping, got " + node.describe());
            return null;
        }
        final YamlNode.Mapping mapping = (YamlNode.Mapping)node;
        for (final YamlNode.Key key : mapping.keys().values())
        {
            if (allowed != null && !allowed.contains(key.name()))
            {
                problems.add(key.line(), key.column(), join(path, key.name()),
                    "unknown key '" + key.name() + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return new YamlFields(problems, mapping, path);
    }

    /** @return the path of a child of a path. */
    static String join(final String path, final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** @return the text of a scalar string or integer node, or {@code null} and a problem. */
    static String text(final Problems problems, final YamlNode node, final String path)
    {
        if (node instanceof YamlNode.Scalar)
        {
            final YamlNode.Scalar scalar = (YamlNode.Scalar)node;
            if (scalar.type() == YamlNode.ScalarType.STRING || scalar.type() == YamlNode.ScalarType.INTEGER)
            {
                if (!scalar.text().isBlank())
                {
                    return scalar.text();
                }
                problems.add(node, path, "must not be empty");
                return null;
            }
        }
        problems.add(node, path, "expected a string, got " + node.describe());
        return null;
    }

    /** @return the path of one of this mapping's fields. */
    String path(final String key)
    {
        return join(path, key);
    }

    /** @return the path of this mapping. */
    String path()
    {
        return path;
    }

    /** @return the mapping node itself, for problems about the whole mapping. */
    YamlNode node()
    {
        return mapping;
    }

    /** @return the raw node of a field, or {@code null} when absent. */
    YamlNode get(final String key)
    {
        return mapping.values().get(key);
    }

    /** @return the key node of a present field. */
    YamlNode.Key key(final String key)
    {
        return mapping.keys().get(key);
    }

    /** @return the field's node, or {@code null} and a "missing" problem when absent. */
    YamlNode required(final String key)
    {
        final YamlNode node = get(key);
        if (node == null)
        {
            problems.add(mapping, path(key), "missing required field '" + key + "'");
        }
        return node;
    }

    /** @return a non-blank string field; {@code null} when absent (reported if required) or invalid. */
    String string(final String key, final boolean required)
    {
        final YamlNode node = required ? required(key) : get(key);
        return node == null ? null : text(problems, node, path(key));
    }

    /** @return a required identifier field (letters, digits, '.', '_', '-'), or {@code null}. */
    String id(final String key)
    {
        final YamlNode node = required(key);
        return node == null ? null : id(problems, node, path(key));
    }

    /** @return the identifier in a node, or {@code null} and a problem. */
    static String id(final Problems problems, final YamlNode node, final String path)
    {
        final String text = text(problems, node, path);
        if (text != null && !ID.matcher(text).matches())
        {
            problems.add(node, path, "'" + text + "' is not a valid id (use letters, digits, '.', '_', '-')");
            return null;
        }
        return text;
    }

    /**
     * @param fallback value when the field is absent, {@code null} for a required field
     * @return the integer in {@code min..max}, the fallback, or {@code null} when invalid
     */
    Integer integer(final String key, final int min, final int max, final Integer fallback)
    {
        final Long value = whole(key, min, max, fallback == null ? null : fallback.longValue());
        return value == null ? null : value.intValue();
    }

    /**
     * @param fallback value when the field is absent, {@code null} for a required field
     * @return the whole number in {@code min..max}, the fallback, or {@code null} when invalid
     */
    Long whole(final String key, final long min, final long max, final Long fallback)
    {
        final YamlNode node = fallback == null ? required(key) : get(key);
        if (node == null)
        {
            return fallback;
        }
        if (!(node instanceof YamlNode.Scalar) || ((YamlNode.Scalar)node).type() != YamlNode.ScalarType.INTEGER)
        {
            problems.add(node, path(key), "expected an integer, got " + node.describe());
            return null;
        }
        final String text = ((YamlNode.Scalar)node).text();
        try
        {
            final long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // beyond long: out of any range, reported below
        }
        problems.add(node, path(key), "integer " + text + " is out of range " + min + ".." + max);
        return null;
    }

    /** @return a required number in {@code min..max}, or {@code null} when missing or invalid. */
    Double decimal(final String key, final double min, final double max)
    {
        final YamlNode node = required(key);
        if (node == null)
        {
            return null;
        }
        final YamlNode.ScalarType type = node instanceof YamlNode.Scalar ? ((YamlNode.Scalar)node).type() : null;
        if (type != YamlNode.ScalarType.INTEGER && type != YamlNode.ScalarType.DECIMAL)
        {
            problems.add(node, path(key), "expected a number, got " + node.describe());
            return null;
        }
        final double value = Double.parseDouble(((YamlNode.Scalar)node).text());
        if (!(value >= min && value <= max))
        {
            problems.add(node, path(key), "number " + ((YamlNode.Scalar)node).text() + " is out of range "
                + min + ".." + max);
            return null;
        }
        return value;
    }

    /** @return a boolean field, the fallback when absent, or {@code null} when invalid. */
    Boolean bool(final String key, final boolean fallback)
    {
        final YamlNode node = get(key);
        if (node == null)
        {
            return fallback;
        }
        if (!(node instanceof YamlNode.Scalar) || ((YamlNode.Scalar)node).type() != YamlNode.ScalarType.BOOLEAN)
        {
            problems.add(node, path(key), "expected true or false, got " + node.describe());
            return null;
        }
        return Boolean.parseBoolean(((YamlNode.Scalar)node).text());
    }

    /** @return the items of a list field; empty when absent (reported if required) or not a list. */
    List<YamlNode> list(final String key, final boolean required)
    {
        final YamlNode node = required ? required(key) : get(key);
        if (node == null)
        {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence))
        {
            problems.add(node, path(key), "expected a list, got " + node.describe());
            return List.of();
        }
        return ((YamlNode.Sequence)node).items();
    }
}

package okno.config;

import java.util.List;
import java.util.Map;

/**
 * A node of a parsed YAML document that remembers where it was written, so that every validation problem can
 * name its line and column. Built by {@link YamlTreeReader}; read by {@link YamlFields}.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence
{
    /** @return 1-based line of the node's first character. */
    int line();

    /** @return 1-based column of the node's first character. */
    int column();

    /** @return a short description for "expected X, got Y" messages. */
    String describe();

    /** Type of a scalar as the YAML parser resolved it. */
    enum ScalarType
    {
        STRING, INTEGER, DECIMAL, BOOLEAN, NULL
    }

    /** A plain value. */
    record Scalar(String text, ScalarType type, int line, int column) implements YamlNode
    {
        @Override
        public String describe()
        {
            return switch (type)
            {
                case STRING -> "string '" + text + "'";
                case INTEGER -> "integer " + text;
                case DECIMAL -> "number " + text;
                case BOOLEAN -> "boolean " + text;
                case NULL -> "nothing";
            };
        }
    }

    /** A key of a mapping with the place it was written. */
    record Key(String name, int line, int column)
    {
    }

    /** A mapping; keys keep document order and are unique (duplicates are reported while reading). */
    record Mapping(Map<String, Key> keys, Map<String, YamlNode> values, int line, int column) implements YamlNode
    {
        @Override
        public String describe()
        {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode
    {
        @Override
        public String describe()
        {
            return "a list";
        }
    }
}

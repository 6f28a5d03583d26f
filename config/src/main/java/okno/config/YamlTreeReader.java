package okno.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns YAML text into a {@link YamlNode} tree with the line and column of every node, using the Jackson
 * streaming parser (a databind tree would forget where its nodes were). Syntax errors and duplicate keys become
 * problems; a syntax error ends reading because nothing after it can be trusted.
 */
final class YamlTreeReader
{
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    YamlTreeReader(final Problems problems)
    {
        this.problems = problems;
    }

    /** @return the document's root node, or {@code null} when it could not be read (problems say why). */
    YamlNode read(final Reader text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                problems.add(1, 1, "", "the document is empty");
                return null;
            }
            return readValue(parser, "");
        }
        catch (final JsonProcessingException e)
        {
            addSyntaxProblem(e);
            return null;
        }
        catch (final IOException e)
        {
            problems.add(0, 0, "", "cannot read: " + e);
            return null;
        }
    }

    private YamlNode readValue(final JsonParser parser, final String path) throws IOException
    {
        final JsonLocation at = parser.currentTokenLocation();
        final int line = at.getLineNr();
        final int column = at.getColumnNr();
        final JsonToken token = parser.currentToken();
        switch (token)
        {
            case START_OBJECT:
                return readMapping(parser, path, line, column);
            case START_ARRAY:
                final List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    items.add(readValue(parser, path + "[" + items.size() + "]"));
                }
                return new YamlNode.Sequence(items, line, column);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.INTEGER, line, column);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.DECIMAL, line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.BOOLEAN, line, column);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.ScalarType.NULL, line, column);
            default:
                return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.STRING, line, column);
        }
    }

    private YamlNode readMapping(final JsonParser parser, final String path, final int line, final int column)
        throws IOException
    {
        final Map<String, YamlNode.Key> keys = new LinkedHashMap<>();
        final Map<String, YamlNode> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final JsonLocation at = parser.currentTokenLocation();
            final String name = parser.currentName();
            final YamlNode.Key key = new YamlNode.Key(name, at.getLineNr(), at.getColumnNr());
            final String childPath = path.isEmpty() ? name : path + "." + name;
            parser.nextToken();
            final YamlNode value = readValue(parser, childPath);
            if (keys.containsKey(name))
            {
                problems.add(key.line(), key.column(), childPath, "duplicate key '" + name + "' (first at line "
                    + keys.get(name).line() + ")");
                continue;
            }
            keys.put(name, key);
            values.put(name, value);
        }
        return new YamlNode.Mapping(keys, values, line, column);
    }

    private void addSyntaxProblem(final JsonProcessingException e)
    {
        // SnakeYAML knows exactly where the syntax broke; Jackson's own location is where it stopped reading.
        if (e.getCause() instanceof MarkedYAMLException)
        {
            final MarkedYAMLException marked = (MarkedYAMLException)e.getCause();
            final Mark mark = marked.getProblemMark();
            final String problem = marked.getProblem();
            final String context = marked.getContext();
            problems.add(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                "YAML syntax error: " + (context == null ? "" : context + ", ") + problem);
            return;
        }
        final JsonLocation at = e.getLocation();
        problems.add(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
            "YAML syntax error: " + e.getOriginalMessage());
    }
}

package okno.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a {@link NetworkConfig} from YAML (the format is described in {@code config/README-config.md}).
 * Every problem of a document is collected and thrown together as one {@link ConfigException} whose problems
 * name file, line, column and field path; nothing else escapes. Stateless and thread-safe.
 */
public final class NetworkLoader
{
    private NetworkLoader()
    {
    }

    /**
     * @param file a YAML file; problems name it as given
     * @return the validated network
     * @throws ConfigException when the file cannot be read or is not a valid network
     */
    public static NetworkConfig fromFile(final Path file)
    {
        final String source = file.toString();
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "no such file")));
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return load(source, reader);
        }
        catch (final IOException e)
        {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "cannot read: " + e)));
        }
    }

    /**
     * @param resource class path resource name, e.g. {@code okno/config/demo.yaml}
     * @return the validated network
     * @throws ConfigException when the resource is missing or is not a valid network
     */
    public static NetworkConfig fromResource(final String resource)
    {
        final InputStream in = NetworkLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null)
        {
            throw new ConfigException(List.of(new ConfigProblem(resource, 0, 0, "", "no such class path resource")));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8))
        {
            return load(resource, reader);
        }
        catch (final IOException e)
        {
            throw new ConfigException(List.of(new ConfigProblem(resource, 0, 0, "", "cannot read: " + e)));
        }
    }

    /**
     * @param source name problems refer to, e.g. a file name
     * @param yaml   the document
     * @return the validated network
     * @throws ConfigException when the document is not a valid network
     */
    public static NetworkConfig fromString(final String source, final String yaml)
    {
        return load(source, new StringReader(yaml));
    }

    private static NetworkConfig load(final String source, final Reader reader)
    {
        final Problems problems = new Problems(source);
        final YamlNode root = new YamlTreeReader(problems).read(reader);
        final NetworkConfig config = root == null ? null : new NetworkBinder(problems).bind(root);
        problems.throwIfAny();
        return config;
    }
}

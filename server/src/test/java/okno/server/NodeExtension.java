package okno.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A {@link TestNode} over a fresh data directory: registered on a static field it serves the whole class,
 * on an instance field each test.
 */
final class NodeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback
{
    private TestNode node;
    private Path dataDir;
    private boolean perClass;

    TestNode node()
    {
        return node;
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception
    {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(final ExtensionContext context) throws IOException
    {
        stop();
    }

    @Override
    public void beforeEach(final ExtensionContext context) throws Exception
    {
        if (!perClass)
        {
            start();
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) throws IOException
    {
        if (!perClass)
        {
            stop();
        }
    }

    private void start() throws IOException, InterruptedException
    {
        dataDir = Files.createTempDirectory("okno-node");
        node = TestNode.start(dataDir);
    }

    private void stop() throws IOException
    {
        node.close();
        try (Stream<Path> files = Files.walk(dataDir))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(file);
            }
        }
    }
}

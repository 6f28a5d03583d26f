package okno.server.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system Chromium (Debian package {@code chromium}) driven headless by Playwright. Playwright may not
 * download browsers here, so the tests use {@code /usr/bin/chromium} (or {@code -Dokno.browser.path=...}).
 * Without it the tests are skipped (a JUnit assumption that names the reason), unless {@code -Dokno.browser.required=true}
 * (set by .ci/run) makes a missing browser a failure.
 */
final class Chromium implements AutoCloseable
{
    private static final String PATH_PROPERTY = "okno.browser.path";
    private static final String REQUIRED_PROPERTY = "okno.browser.required";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(final Path executable)
    {
        // the driver (bundled Node) runs from the jar; it must not fetch its own browsers
        playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(executable)
            .setHeadless(true)
            .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--autoplay-policy=no-user-gesture-required")));
    }

    /**
     * @return the launched browser, or {@code null} when Chromium is not installed (after saying why on stderr)
     * @throws org.opentest4j.AssertionFailedError when it is missing but {@code -Dokno.browser.required=true}
     */
    static Chromium launchIfInstalled()
    {
        final String missing = missingReason();
        if (missing == null)
        {
            return new Chromium(executable());
        }
        if (Boolean.getBoolean(REQUIRED_PROPERTY))
        {
            Assertions.fail(missing + ", and -D" + REQUIRED_PROPERTY + "=true makes that a failure");
        }
        System.err.println("[okno] browser tests skipped: " + missing);
        return null;
    }

    /** @return why the browser tests cannot run here, {@code null} when they can */
    static String missingReason()
    {
        final Path executable = executable();
        return Files.isExecutable(executable) ? null : "no Chromium at " + executable
            + " (install it with `apt-get install -y chromium` or point -D" + PATH_PROPERTY + " at one)";
    }

    private static Path executable()
    {
        return Paths.get(System.getProperty(PATH_PROPERTY, "/usr/bin/chromium"));
    }

    Browser browser()
    {
        return browser;
    }

    @Override
    public void close()
    {
        browser.close();
        playwright.close();
    }
}

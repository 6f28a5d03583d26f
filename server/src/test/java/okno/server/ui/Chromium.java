package okno.server.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system Chromium (Debian package {@code chromium}) driven headless by Playwright. Playwright may not
 * download browsers here, so the tests use {@code /usr/bin/chromium} (or {@code -Dokno.browser.path=...}).
 * Without it the tests are skipped with a JUnit assumption, unless {@code -Dokno.browser.required=true}
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

    /** @return the launched browser, or aborts the calling test class when Chromium is not installed */
    static Chromium launchOrSkip()
    {
        final Path executable = Paths.get(System.getProperty(PATH_PROPERTY, "/usr/bin/chromium"));
        if (!Files.isExecutable(executable))
        {
            final String why = "browser tests skipped: no Chromium at " + executable
                + " (install it with `apt-get install -y chromium` or set -D" + PATH_PROPERTY + ")";
            if (Boolean.getBoolean(REQUIRED_PROPERTY))
            {
                Assertions.fail(why.replace("skipped", "required") + "; -D" + REQUIRED_PROPERTY + "=true is set");
            }
            Assumptions.abort(why);
        }
        return new Chromium(executable);
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

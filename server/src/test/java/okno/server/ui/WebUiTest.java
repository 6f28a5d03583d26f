package okno.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import okno.config.Networks;
import okno.server.OknoServer;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UIs in a real (headless) Chromium against a real node on the demo network: a visitor takes a ticket
 * at the kiosk, staff call and serve it at the terminal, the hall display shows the call, the operator sees the
 * counts; a closed centre and a lost answer are shown as clear messages, and a retry makes no second ticket.
 * Screenshots go to target/screenshots.
 */
class WebUiTest
{
    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String MONDAY = "2026-11-23T";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chromium chromium;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();
    private String base;

    @BeforeAll
    static void launch()
    {
        chromium = Chromium.launchIfInstalled();
    }

    @BeforeEach
    void needsBrowser()
    {
        Assumptions.assumeTrue(chromium != null, () -> "browser test skipped: " + Chromium.missingReason());
    }

    @AfterAll
    static void quit()
    {
        if (chromium != null)
        {
            chromium.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
    }

    @Test
    void ticketFromKioskIsCalledAtTheWindowShownInTheHallAndCountedOnTheDashboard(@TempDir final Path data)
        throws Exception
    {
        startServer(data, "10:00");
        final BrowserContext context = newContext();

        final Page kiosk = context.newPage();
        kiosk.navigate(base + "/ui/kiosk.html?centre=tverskoy&token=kiosk-tverskoy");
        assertThat(kiosk.locator("h3.agency").first()).hasText("МВД");
        // no window is open yet: the kiosk says so instead of promising "no queue"
        assertThat(kiosk.locator("[data-service=passport] .wait")).hasText("сейчас нет открытого окна");
        shot(kiosk, "kiosk-services");
        kiosk.locator("[data-service=passport]").click();
        kiosk.locator("#priority-normal").click();
        assertThat(kiosk.locator("#ticket-number")).hasText(Pattern.compile("A\\d{3}"));
        final String number = kiosk.locator("#ticket-number").textContent();
        assertThat(kiosk.locator("#ticket-position")).hasText("1");
        assertThat(kiosk.locator("#ticket-eta")).hasText("—");
        shot(kiosk, "kiosk-ticket");

        // the visitor scans the slip's QR code: a tokenless status page on the phone
        final Page phone = context.newPage();
        phone.setViewportSize(390, 760);
        phone.navigate(base + "/ui/ticket.html?centre=tverskoy&number=" + number);
        assertThat(phone.locator("#number")).hasText(number);
        assertThat(phone.locator("#state")).containsText("Please wait for your call");
        assertThat(phone.locator("#ahead")).hasText("0");

        final Page display = context.newPage();
        final AtomicInteger displayConnections = new AtomicInteger();
        final AtomicReference<WebSocketRoute> firstSocket = new AtomicReference<>();
        display.routeWebSocket(Pattern.compile(".*/ws/centres/tverskoy/events.*"), socket ->
        {
            socket.connectToServer();
            if (displayConnections.incrementAndGet() == 1)
            {
                firstSocket.set(socket);
            }
        });
        display.navigate(base + "/ui/display.html?centre=tverskoy&token=display-demo");
        assertThat(display.locator("#link")).hasAttribute("data-state", "live");

        final Page terminal = context.newPage();
        terminal.navigate(base + "/ui/terminal.html?centre=tverskoy&token=terminal-tverskoy");
        terminal.locator("#window-select").selectOption("1");
        terminal.locator("#staff-id").fill("s001");
        terminal.locator("#open").click();
        assertThat(terminal.locator("#queue tr[data-service=passport] td.num").first()).hasText("1");
        assertThat(terminal.locator("#queue tr[data-service=passport] td.tickets")).hasText(number);

        terminal.locator("#call-next").click();
        assertThat(display.locator("#call-number")).hasText(number, new LocatorAssertions.HasTextOptions()
            .setTimeout(1000));
        assertThat(display.locator("#call-window")).hasText("1");
        assertThat(terminal.locator("#current-number")).hasText(number);
        assertThat(terminal.locator("#current-state")).hasText("called");
        shot(display, "display-call");
        assertThat(phone.locator("#state")).hasText(Pattern.compile(".*Please go to window 1$"),
            new LocatorAssertions.HasTextOptions().setTimeout(7000));
        shot(phone, "phone-ticket-called");

        // the display loses its stream, reconnects by itself, and still shows the next call (a recall)
        firstSocket.get().close(new WebSocketRoute.CloseOptions().setCode(1001).setReason("test drops the stream"));
        assertThat(display.locator("#link")).hasAttribute("data-state", "live");
        assertTrue(displayConnections.get() >= 2, "display reconnected");
        terminal.locator("#recall").click();
        assertThat(display.locator("#calls li")).hasCount(1);
        assertThat(display.locator("#now")).hasClass(Pattern.compile("flash"));

        terminal.locator("#start").click();
        assertThat(terminal.locator("#current-state")).hasText("serving");
        assertThat(terminal.locator("#timer")).hasText(Pattern.compile("00:0\\d"));
        shot(terminal, "terminal-serving");
        terminal.locator("#complete").click();
        assertThat(terminal.locator("#current-number")).hasText("—");
        assertEquals(200, call("POST", "/api/centres/tverskoy/windows/1/rating", "terminal-tverskoy",
            "{\"score\":4}").status);
        assertThat(terminal.locator("#rating-score")).hasText("4");
        shot(terminal, "terminal-rated");

        final Page dashboard = context.newPage();
        dashboard.navigate(base + "/ui/dashboard.html?token=operator-demo");
        assertThat(dashboard.locator("tr[data-centre=tverskoy] td.served")).hasText("1");
        assertThat(dashboard.locator("tr[data-centre=tverskoy] td.visitors")).hasText("1");
        assertThat(dashboard.locator("tr[data-centre=tverskoy] td.open")).hasText("1 / 10");
        assertThat(dashboard.locator("tr[data-centre=tverskoy] td.trend")).hasText(Pattern.compile("[↑↓→] [+−]?\\d+/h"));
        assertThat(dashboard.locator("#kpi-rating .value")).hasText("4.00");
        // panels of endpoints this node may not have end as content or "not available", never stuck loading
        assertThat(dashboard.locator("#proposals")).hasText("Nothing to show.");
        assertThat(dashboard.locator("#devices [data-device]")).hasCount(6);
        assertThat(dashboard.locator("#devices")).containsText("printer-tverskoy");
        assertThat(dashboard.locator("#kpi-coffee")).containsText("0 · 0.00 %");

        // a visitor arriving live moves the dashboard through the network stream
        kiosk.locator("#done").click();
        kiosk.locator("[data-service=snils]").click();
        kiosk.locator("#priority-accessibility").click();
        assertThat(kiosk.locator("#ticket-number")).hasText(Pattern.compile("C\\d{3}"));
        assertThat(dashboard.locator("tr[data-centre=tverskoy] td.waiting")).hasText("1");
        assertThat(dashboard.locator("#kpi-waiting .value")).hasText("1");

        dashboard.locator("#move-staff").selectOption("s038");
        dashboard.locator("#move-centre").selectOption("maryino");
        dashboard.locator("#move").click();
        assertThat(dashboard.locator("#message")).hasText(Pattern.compile("s038 sent to .*Марьино.*"));
        assertThat(dashboard.locator("tr[data-staff=s038] td.state")).hasText("travelling");
        assertThat(dashboard.locator("tr[data-staff=s008] td.skills")).hasText("consult, parking, inn, passport, snils");
        shot(dashboard, "dashboard");
    }

    @Test
    void lostAnswerIsRetriedWithTheSameRequestIdAndMakesNoSecondTicket(@TempDir final Path data) throws Exception
    {
        startServer(data, "11:30");
        final Page kiosk = newContext().newPage();
        final List<String> bodies = new ArrayList<>();
        kiosk.route("**/api/centres/tverskoy/tickets", route ->
        {
            bodies.add(route.request().postData());
            if (bodies.size() == 1)
            {
                // the server issues the ticket, but its answer never reaches the kiosk
                route.fetch();
                route.abort();
            }
            else
            {
                route.resume();
            }
        });
        kiosk.navigate(base + "/ui/kiosk.html?centre=tverskoy&token=kiosk-tverskoy");
        kiosk.locator("[data-service=passport]").click();
        kiosk.locator("#priority-normal").click();

        assertThat(kiosk.locator("#message")).hasText(Pattern.compile("Нет связи с сервером.*"));
        shot(kiosk, "kiosk-network-error");
        kiosk.locator("#retry").click();
        assertThat(kiosk.locator("#ticket-number")).hasText(Pattern.compile("A\\d{3}"));
        assertThat(kiosk.locator("#message")).isHidden();

        assertEquals(2, bodies.size());
        assertEquals(JSON.readTree(bodies.get(0)).get("requestId"), JSON.readTree(bodies.get(1)).get("requestId"));
        final JsonNode queue = call("GET", "/api/centres/tverskoy/queue", "display-demo", null).body;
        int waiting = 0;
        for (final JsonNode line : queue.get("lines"))
        {
            waiting += line.get("waiting").asInt();
        }
        assertEquals(1, waiting, "one ticket, not two");

        // a booked visitor checks in by code; a wrong code is a clear message
        final JsonNode booking = call("POST", "/api/centres/tverskoy/appointments", null,
            "{\"service\":\"passport\",\"slot\":\"2026-11-23T12:00\",\"requestId\":\"ui-test-booking\"}").body;
        final String first = kiosk.locator("#ticket-number").textContent();
        kiosk.locator("#done").click();
        kiosk.locator("#to-checkin").click();
        kiosk.locator("#code").fill("999999");
        kiosk.locator("#checkin").click();
        assertThat(kiosk.locator("#message")).hasText("Запись с таким кодом не найдена в этом центре.");
        kiosk.locator("#code").fill(booking.get("code").asText());
        kiosk.locator("#checkin").click();
        assertThat(kiosk.locator("#ticket-number")).not().hasText(first);
        final String checkedIn = kiosk.locator("#ticket-number").textContent();
        assertEquals("appointment", call("GET", "/api/centres/tverskoy/tickets/" + checkedIn, "display-demo", null)
            .body.get("priority").asText());
    }

    @Test
    void aMemberAtAnotherTradesDeskSeesAndCallsTheLinesTheyAreTrainedFor(@TempDir final Path data) throws Exception
    {
        startServer(data, "10:00");
        final Answer taken = call("POST", "/api/centres/tverskoy/tickets", "kiosk-tverskoy",
            "{\"services\":[\"snils\"],\"priority\":\"normal\",\"requestId\":\"ui-trained\"}");
        assertEquals(201, taken.status());
        final String number = taken.body().get("number").asText();

        // window 1 is a passport desk; s008 is also trained for snils, inn and parking
        final Page terminal = newContext().newPage();
        terminal.navigate(base + "/ui/terminal.html?centre=tverskoy&token=terminal-tverskoy");
        terminal.locator("#window-select").selectOption("1");
        terminal.locator("#staff-id").fill("s008");
        terminal.locator("#open").click();
        assertThat(terminal.locator("#queue tr[data-service=snils] td.tickets")).hasText(number);
        shot(terminal, "terminal-trained-member");
        terminal.locator("#call-next").click();
        assertThat(terminal.locator("#current-number")).hasText(number);
    }

    @Test
    void closedCentreIsAClearMessageInTheVisitorsLanguage(@TempDir final Path data) throws Exception
    {
        startServer(data, "21:30");
        final Page kiosk = newContext().newPage();
        kiosk.navigate(base + "/ui/kiosk.html?centre=tverskoy&token=kiosk-tverskoy");
        kiosk.locator("#lang-en").click();
        assertThat(kiosk.locator("header h1")).hasText("Electronic queue");
        kiosk.locator("#search").fill("снилс");
        assertThat(kiosk.locator("button.service")).hasCount(1);
        kiosk.locator("[data-service=snils]").click();
        kiosk.locator("#priority-normal").click();

        assertThat(kiosk.locator("#message")).hasText("The centre is closed now. Please come during opening hours.");
        assertThat(kiosk.locator("#retry")).hasCount(0);
        shot(kiosk, "kiosk-centre-closed");

        final Page schedule = kiosk.context().newPage();
        schedule.navigate(base + "/ui/schedule.html?centre=tverskoy");
        assertThat(schedule.locator("#message")).containsText("No history yet");
        shot(schedule, "schedule");

        final Page index = kiosk.context().newPage();
        index.navigate(base + "/");
        assertThat(index.locator("a[href*='kiosk.html?centre=maryino']")).hasCount(1);
        shot(index, "index");
    }

    private void startServer(final Path data, final String moscowTime) throws IOException, InterruptedException
    {
        final long startMs = OffsetDateTime.parse(MONDAY + moscowTime + "+03:00").toInstant().toEpochMilli();
        final long wallStartMs = System.currentTimeMillis();
        final EpochClock clock = () -> startMs + System.currentTimeMillis() - wallStartMs;
        final OknoServer server = OknoServer.start(new OknoServer.Settings(Networks.demo(), data, "127.0.0.1", 0, 0,
            clock));
        open.add(server);
        base = "http://127.0.0.1:" + server.httpPort();
    }

    private BrowserContext newContext()
    {
        final BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser
            .NewContextOptions().setViewportSize(1280, 800));
        open.add(context);
        return context;
    }

    private static void shot(final Page page, final String name)
    {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** An API answer read by the test itself. */
    private record Answer(int status, JsonNode body)
    {
    }

    private Answer call(final String method, final String path, final String token, final String body)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }
}

package okno.drivers.printer;

import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DriverTiming;
import okno.drivers.SerialPortConfig;
import okno.drivers.testing.EscPosPrinterSimulator;
import okno.drivers.testing.PrintRecorder;
import okno.drivers.testing.StatusRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketPrinterTest
{
    private static final DriverTiming FAST = new DriverTiming(100, 150, 500, 50, 400);
    private static final String ID = "centre-1/kiosk-1/printer";
    private static final TicketSlip SLIP = new TicketSlip(
        "МФЦ района Арбат", "A042", List.of("Паспорт РФ", "СНИЛС"), LocalDateTime.of(2025, 3, 4, 9, 5), 4, 12,
        "https://okno.example/t/arbat/A042");

    private final StatusRecorder statuses = new StatusRecorder();
    private final PrintRecorder prints = new PrintRecorder();
    private EscPosPrinterSimulator sim;
    private TicketPrinter printer;

    @AfterEach
    void tearDown() throws Exception
    {
        if (printer != null)
        {
            printer.close();
        }
        if (sim != null)
        {
            sim.close();
        }
    }

    private TicketPrinter startPrinter(final String path, final DriverTiming timing)
    {
        printer = new TicketPrinter(
            new TicketPrinterConfig(ID, SerialPortConfig.of(path, 115_200)), timing, Clock.systemUTC(),
            statuses, prints);
        printer.start();
        return printer;
    }

    @Test
    void printsCyrillicSlipWithLargeNumberQrCodeAndCut() throws Exception
    {
        sim = new EscPosPrinterSimulator();
        sim.start();
        startPrinter(sim.slavePath(), FAST);
        statuses.await(0, ID, DeviceState.ONLINE, "ok", 2_000);

        assertTrue(printer.print(SLIP));

        final PrintRecorder.Outcome outcome = prints.next(2_000);
        assertNotNull(outcome);
        assertTrue(outcome.printed());
        final EscPosPrinterSimulator.Slip slip = sim.nextSlip(2_000);
        assertNotNull(slip);
        assertTrue(slip.cut());
        assertEquals("https://okno.example/t/arbat/A042", slip.qrPayload());
        assertEquals(new EscPosPrinterSimulator.Line("МФЦ района Арбат", 1, 1, true, 1), slip.lines().get(0));
        assertEquals(new EscPosPrinterSimulator.Line("A042", 4, 4, false, 1), slip.lines().get(2));
        final String text = slip.text();
        assertTrue(text.contains("Паспорт РФ\nСНИЛС\n"), text);
        assertTrue(text.contains("Выдан: 04.03.2025 09:05"), text);
        assertTrue(text.contains("Перед вами: 4"), text);
        assertTrue(text.contains("Ожидание ~12 мин"), text);
        assertEquals(List.of(), sim.protocolErrors());
    }

    @Test
    void paperOutMidDayFailsThePrintAndTheSlipIsReprintedAfterRefill() throws Exception
    {
        sim = new EscPosPrinterSimulator();
        sim.start();
        startPrinter(sim.slavePath(), FAST);
        statuses.await(0, ID, DeviceState.ONLINE, "ok", 2_000);
        printer.print(SLIP);
        assertTrue(prints.next(2_000).printed());
        assertNotNull(sim.nextSlip(2_000));

        sim.paperNearEnd = true;
        statuses.await(0, ID, DeviceState.ONLINE, "paper near end", 2_000);
        int mark = statuses.size();
        sim.paperOut = true;
        final DeviceStatus fault = statuses.await(mark, ID, DeviceState.FAULT, "paper out", 2_000);
        assertEquals(ID, fault.deviceId());

        printer.print(SLIP);
        final PrintRecorder.Outcome failed = prints.next(2_000);
        assertFalse(failed.printed());
        assertEquals(DeviceState.FAULT, failed.status().state());
        assertEquals("paper out", failed.status().reason());

        mark = statuses.size();
        sim.paperOut = false;
        sim.paperNearEnd = false;
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 2_000);
        printer.print(failed.slip());
        assertTrue(prints.next(2_000).printed());
        final EscPosPrinterSimulator.Slip reprinted = sim.nextSlip(2_000);
        assertNotNull(reprinted);
        assertEquals("A042", reprinted.lines().get(2).text());
    }

    @Test
    void coverOpenAndCutterErrorAreFaultsWithTheirReason() throws Exception
    {
        sim = new EscPosPrinterSimulator();
        sim.start();
        startPrinter(sim.slavePath(), FAST);
        statuses.await(0, ID, DeviceState.ONLINE, "ok", 2_000);

        sim.coverOpen = true;
        statuses.await(0, ID, DeviceState.FAULT, "cover open", 2_000);
        sim.coverOpen = false;
        sim.cutterError = true;
        statuses.await(0, ID, DeviceState.FAULT, "cutter error", 2_000);
        final int mark = statuses.size();
        sim.cutterError = false;
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 2_000);
    }

    @Test
    void silentPrinterIsOfflineWithinTwoSecondsAndGarbageOnTheLineIsIgnored() throws Exception
    {
        sim = new EscPosPrinterSimulator();
        sim.start();
        startPrinter(sim.slavePath(), DriverTiming.DEFAULT);
        statuses.await(0, ID, DeviceState.ONLINE, "ok", 2_000);

        sim.mute = true;
        final long mutedAt = System.currentTimeMillis();
        final DeviceStatus offline = statuses.await(0, ID, DeviceState.OFFLINE, "no response", 3_000);
        assertTrue(offline.timestampMs() - mutedAt <= 2_000, "offline after " + (offline.timestampMs() - mutedAt));

        // noise on the line: none of these bytes has the fixed bits of a status reply
        sim.reply(new byte[] {(byte)0xFF, 0x00, 0x41, (byte)0x80, 0x01, 0x07});
        final int mark = statuses.size();
        sim.mute = false;
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 3_000);
        sim.reply(new byte[] {(byte)0xFF, 0x00, 0x41});
        printer.print(SLIP);
        assertTrue(prints.next(2_000).printed());
        assertNotNull(sim.nextSlip(2_000));
    }

    @Test
    void portThatStartsMissingAndLaterVanishesIsReopened(@TempDir final Path dir) throws Exception
    {
        final Path link = dir.resolve("printer");
        sim = new EscPosPrinterSimulator();
        sim.start();
        startPrinter(link.toString(), FAST);
        statuses.await(0, ID, DeviceState.OFFLINE, "port missing", 2_000);
        printer.print(SLIP);
        assertFalse(prints.next(2_000).printed());

        int mark = statuses.size();
        Files.createSymbolicLink(link, Path.of(sim.slavePath()));
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 2_000);

        mark = statuses.size();
        final String newPath = sim.replacePty();
        statuses.await(mark, s -> s.state() == DeviceState.OFFLINE, "offline", 2_000);
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of(newPath));
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 3_000);

        printer.print(SLIP);
        assertTrue(prints.next(2_000).printed());
        assertNotNull(sim.nextSlip(2_000));
    }
}

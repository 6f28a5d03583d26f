package okno.drivers.printer;

import okno.drivers.DeviceState;
import okno.drivers.testing.Hex;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscPosSlipEncoderTest
{
    private static final LocalDateTime ISSUED = LocalDateTime.of(2025, 3, 4, 9, 5);

    @Test
    void encodesSlipByteExactInPc866()
    {
        final TicketSlip slip = new TicketSlip("МФЦ", "A042", List.of("Паспорт"), ISSUED, 3, 7, null);

        final String expected =
            "1B 40 1B 74 11 1B 61 01 1B 45 01 "
            + "8C 94 96 0A "                                             // МФЦ
            + "1B 45 00 "
            + "92 A0 AB AE AD 20 2F 20 54 69 63 6B 65 74 0A "            // Талон / Ticket
            + "1D 21 33 41 30 34 32 0A 1D 21 00 "                        // A042 at 4x4
            + "8F A0 E1 AF AE E0 E2 0A "                                 // Паспорт
            + "82 EB A4 A0 AD 3A 20 30 34 2E 30 33 2E 32 30 32 35 20 30 39 3A 30 35 0A "
            + "8F A5 E0 A5 A4 20 A2 A0 AC A8 3A 20 33 0A "               // Перед вами: 3
            + "8E A6 A8 A4 A0 AD A8 A5 20 7E 37 20 AC A8 AD 0A "         // Ожидание ~7 мин
            + "1B 64 03 1D 56 42 00";
        assertEquals(expected, Hex.of(new EscPosSlipEncoder().encode(slip)));
    }

    @Test
    void aWaitNobodyCanPredictIsPrintedAsToBeAnnouncedNotAsZero()
    {
        final TicketSlip slip = new TicketSlip("МФЦ", "A042", List.of("Паспорт"), ISSUED, 0, TicketSlip.ETA_UNKNOWN,
            null);

        final String hex = Hex.of(new EscPosSlipEncoder().encode(slip));

        assertTrue(hex.contains(Hex.of("Ожидание: уточняется\n".getBytes(Charset.forName("IBM866")))), hex);
        assertFalse(hex.contains(Hex.of("~".getBytes(Charset.forName("IBM866")))), hex);
    }

    @Test
    void encodesQrCodeModel2SizeLevelStoreAndPrint()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        EscPosSlipEncoder.qr(out, "https://x/1".getBytes());

        assertEquals(
            "1D 28 6B 04 00 31 41 32 00 "
            + "1D 28 6B 03 00 31 43 06 "
            + "1D 28 6B 03 00 31 45 31 "
            + "1D 28 6B 0E 00 31 50 30 68 74 74 70 73 3A 2F 2F 78 2F 31 "
            + "1D 28 6B 03 00 31 51 30",
            Hex.of(out.toByteArray()));
    }

    @Test
    void replacesControlCharactersSoTextCannotInjectCommands()
    {
        final TicketSlip slip = new TicketSlip("A\u001DV\u0000", "B1", List.of(), ISSUED, 0, 0, null);

        final String hex = Hex.of(new EscPosSlipEncoder().encode(slip));

        assertTrue(hex.contains("1B 45 01 41 20 56 20 0A"), hex);
    }

    @Test
    void decodesStatusBytes()
    {
        final PrinterStatus ok = PrinterStatus.decode(0x12, 0x12, 0x12, 0x12);
        assertEquals(DeviceState.ONLINE, ok.state());
        assertEquals("ok", ok.reason());

        final PrinterStatus nearEnd = PrinterStatus.decode(0x12, 0x12, 0x12, 0x1E);
        assertEquals(DeviceState.ONLINE, nearEnd.state());
        assertEquals("paper near end", nearEnd.reason());

        final PrinterStatus paperOut = PrinterStatus.decode(0x1A, 0x32, 0x12, 0x72);
        assertEquals(DeviceState.FAULT, paperOut.state());
        assertEquals("paper out", paperOut.reason());

        assertEquals("cover open", PrinterStatus.decode(0x1A, 0x16, 0x12, 0x12).reason());
        assertEquals("cutter error", PrinterStatus.decode(0x1A, 0x52, 0x1A, 0x12).reason());
        assertEquals("unrecoverable error", PrinterStatus.decode(0x1A, 0x52, 0x32, 0x12).reason());
        assertEquals("printer offline", PrinterStatus.decode(0x1A, 0x12, 0x12, 0x12).reason());
    }

    @Test
    void rejectsBytesWhoseFixedBitsAreWrong()
    {
        assertTrue(PrinterStatus.isStatusByte(0x12));
        assertTrue(PrinterStatus.isStatusByte(0x7E));
        assertFalse(PrinterStatus.isStatusByte(0x00));
        assertFalse(PrinterStatus.isStatusByte(0xFF));
        assertFalse(PrinterStatus.isStatusByte(0x13));
        assertFalse(PrinterStatus.isStatusByte(0x92));
    }
}

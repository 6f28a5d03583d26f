package okno.drivers.display;

import okno.drivers.testing.Hex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowBusProtocolTest
{
    @Test
    void encodesFramesByteExact()
    {
        assertEquals("01 25 42 41 30 34 32 07", Hex.of(WindowBusProtocol.frame(5, WindowBusProtocol.BLINK, "A042")));
        assertEquals("01 21 53 C1 31 32 07", Hex.of(WindowBusProtocol.frame(1, WindowBusProtocol.SHOW, "Б12")));
        assertEquals("01 FF 43 07", Hex.of(WindowBusProtocol.frame(223, WindowBusProtocol.CLEAR, null)));
        assertEquals("01 2C 50 07", Hex.of(WindowBusProtocol.frame(12, WindowBusProtocol.POLL, null)));
    }

    @Test
    void replacesControlBytesAndCutsLongText()
    {
        assertEquals("01 21 53 41 20 20 42 07",
            Hex.of(WindowBusProtocol.frame(1, WindowBusProtocol.SHOW, "A\u0001\u0007B")));
        assertEquals(4 + WindowBusProtocol.MAX_TEXT,
            WindowBusProtocol.frame(1, WindowBusProtocol.SHOW, "x".repeat(40)).length);
    }

    @Test
    void decodesFramesAcrossChunksAndResynchronisesAfterNoise()
    {
        final List<String> frames = new ArrayList<>();
        final WindowBusDecoder decoder = new WindowBusDecoder(
            (address, command, data, offset, length) -> frames.add(address + ":" + (char)command + ":"
                + new String(data, offset, length, WindowBusProtocol.CP1251)));

        final byte[] stream = Hex.bytes("FF 07 41 01 25 4B 31 07 00 01 25 01 26 41 07 01 07 01 10 41 07 01 22 53 C1");
        decoder.onBytes(stream, stream.length);
        final byte[] rest = Hex.bytes("07");
        decoder.onBytes(rest, rest.length);

        assertEquals(List.of("5:K:1", "6:A:", "2:S:Б"), frames);
        // FF 07 41 noise, 00 between frames, 01 25 cut by the next SOH, empty frame, address below offset
        assertEquals(3 + 1 + 1 + 1 + 3, decoder.droppedBytes());
    }

    @Test
    void mapsKeyBytesToKeys()
    {
        assertEquals(KeypadKey.CALL_NEXT, KeypadKey.fromWire((byte)'1'));
        assertEquals(KeypadKey.RECALL, KeypadKey.fromWire((byte)'2'));
        assertEquals(KeypadKey.START, KeypadKey.fromWire((byte)'3'));
        assertEquals(KeypadKey.COMPLETE, KeypadKey.fromWire((byte)'4'));
        assertNull(KeypadKey.fromWire((byte)'5'));
    }
}

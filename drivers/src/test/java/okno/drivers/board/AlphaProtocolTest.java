package okno.drivers.board;

import okno.drivers.testing.AlphaBoardSimulator;
import okno.drivers.testing.Hex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlphaProtocolTest
{
    @Test
    void encodesWriteTextByteExactWithChecksumOverStxToEtx()
    {
        final byte[] packet = AlphaProtocol.writeText((byte)'Z', 1, (byte)'A', List.of("A042 -> 12", "B7 -> 3"));

        assertEquals(
            "00 00 00 00 00 01 5A 30 31 02 41 41 1B 30 62 "
            + "41 30 34 32 20 2D 3E 20 31 32 0D 42 37 20 2D 3E 20 33 "
            + "03 30 34 37 44 04",
            Hex.of(packet));
    }

    @Test
    void encodesReadTextByteExact()
    {
        assertEquals("00 00 00 00 00 01 5A 31 46 02 42 41 03 30 30 38 38 04",
            Hex.of(AlphaProtocol.readText((byte)'Z', 0x1F, (byte)'A')));
    }

    @Test
    void sendsNonAsciiAsQuestionMarks()
    {
        assertEquals("41 1B 30 62 3F 31 20 3F", Hex.of(AlphaProtocol.textData((byte)'A', List.of("Б1 \u0007"))));
    }

    @Test
    void decoderAcceptsValidRepliesAndRejectsBadChecksumsAndNoise()
    {
        final List<String> packets = new ArrayList<>();
        final AlphaReplyDecoder decoder = new AlphaReplyDecoder((type, command, data, offset, length) ->
            packets.add((char)type + ":" + (char)command + ":" + new String(data, offset, length)));
        final byte[] good = AlphaBoardSimulator.response("X1".getBytes());
        final byte[] bad = good.clone();
        bad[bad.length - 2] = (byte)(good[good.length - 2] == '0' ? '1' : '0');
        final byte[] noise = Hex.bytes("FF 04 01 02 03 04 41 42");

        decoder.onBytes(noise, noise.length);
        decoder.onBytes(bad, bad.length);
        decoder.onBytes(good, 9);
        decoder.onBytes(java.util.Arrays.copyOfRange(good, 9, good.length), good.length - 9);

        assertEquals(List.of("0:A:AX1"), packets);
        assertEquals(2, decoder.rejected());
    }
}

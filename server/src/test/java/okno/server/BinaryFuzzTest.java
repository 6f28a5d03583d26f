package okno.server;

import com.fasterxml.jackson.databind.JsonNode;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.TicketNumber;
import okno.protocol.binary.BinaryProtocol;
import okno.protocol.binary.ClientFrames;
import okno.server.BinaryTestClient.Message;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 seeded random frames (valid commands with random fields, random bytes, truncated bodies) pipelined on
 * one operator connection: every frame gets exactly one answer in order, and the tickets the server acknowledged
 * are exactly those the HTTP API counts, before and after a restart.
 */
class BinaryFuzzTest
{
    private static final int FRAMES = 100_000;
    private static final CommandType[] TYPES = {
        CommandType.ISSUE_TICKET, CommandType.ISSUE_TICKET, CommandType.ISSUE_TICKET, CommandType.CANCEL_TICKET,
        CommandType.BOOK_APPOINTMENT, CommandType.CANCEL_APPOINTMENT, CommandType.CHECK_IN,
        CommandType.OPEN_WINDOW, CommandType.OPEN_WINDOW, CommandType.CLOSE_WINDOW, CommandType.BREAK_WINDOW,
        CommandType.CALL_NEXT, CommandType.CALL_NEXT, CommandType.CALL_TICKET, CommandType.RECALL,
        CommandType.START_SERVICE, CommandType.COMPLETE_SERVICE, CommandType.NO_SHOW, CommandType.POSTPONE,
        CommandType.TRANSFER, CommandType.RATE, CommandType.ASSIGN_STAFF, CommandType.SET_STANDBY};

    @TempDir
    Path dataDir;

    /** What one frame was, so that its answer can be checked. */
    private static final int KIND_COMMAND = 0;
    private static final int KIND_GARBAGE = 1;

    @Test
    void randomFramesThenConsistentCounts() throws Exception
    {
        final Random random = new Random(20_261_123L);
        final byte[] kinds = new byte[FRAMES];
        final CommandType[] types = new CommandType[FRAMES];
        final int[] centres = new int[FRAMES];
        final ByteArrayOutputStream stream = new ByteArrayOutputStream(FRAMES * 100);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
        final Command command = new Command();
        for (int i = 0; i < FRAMES; i++)
        {
            final int roll = random.nextInt(10);
            if (roll < 7)
            {
                randomCommand(random, command.clear());
                kinds[i] = KIND_COMMAND;
                types[i] = command.type;
                centres[i] = command.centre;
                stream.write(frame.byteArray(), 0, ClientFrames.command(frame, 0, i, command));
            }
            else
            {
                kinds[i] = KIND_GARBAGE;
                stream.write(frame.byteArray(), 0, garbage(random, frame, i, roll));
            }
        }
        final byte[] bytes = stream.toByteArray();

        try (TestNode node = TestNode.start(dataDir))
        {
            final int[] acknowledged = new int[node.network.centres().size()];
            try (BinaryTestClient operator = new BinaryTestClient(node.server().tcpPort()))
            {
                operator.hello(TestNode.OPERATOR);
                final AtomicReference<Throwable> writeFailure = new AtomicReference<>();
                final Thread writer = new Thread(() ->
                {
                    try
                    {
                        operator.sendRaw(bytes);
                    }
                    catch (final IOException ex)
                    {
                        writeFailure.set(ex);
                    }
                });
                writer.start();
                for (int i = 0; i < FRAMES; i++)
                {
                    final Message answer = operator.read();
                    if (kinds[i] == KIND_COMMAND)
                    {
                        assertEquals(i, answer.correlation(), "answers come in request order");
                        if (answer.template() == BinaryProtocol.RESULT && answer.resultCode() == 0
                            && !answer.duplicate()
                            && (types[i] == CommandType.ISSUE_TICKET || types[i] == CommandType.CHECK_IN))
                        {
                            acknowledged[centres[i]]++;
                        }
                    }
                    else
                    {
                        assertEquals(BinaryProtocol.ERROR, answer.template(), "garbage frame " + i);
                    }
                }
                writer.join();
                assertNull(writeFailure.get());
            }
            assertCounts(node, acknowledged);
            assertEquals(201, node.post("/api/centres/tverskoy/tickets", TestNode.KIOSK,
                "{\"services\":[\"consult\"]}").status());
            acknowledged[0]++;
            node.restart();
            assertCounts(node, acknowledged);
        }
    }

    private static void assertCounts(final TestNode node, final int[] acknowledged)
    {
        final JsonNode centres = node.get("/api/network/kpi", TestNode.OPERATOR).json().get("centres");
        int total = 0;
        for (int c = 0; c < acknowledged.length; c++)
        {
            assertEquals(acknowledged[c], centres.get(c).get("visitors").asInt(), "centre " + c);
            total += acknowledged[c];
        }
        assertTrue(total > 1000, "the fuzz issued a good number of tickets: " + total);
    }

    /** A structurally valid command with fields drawn around (and past) the demo network's ranges. */
    private static void randomCommand(final Random random, final Command c)
    {
        c.type = TYPES[random.nextInt(TYPES.length)];
        c.requestKey = random.nextInt(3) == 0 ? 1 + random.nextInt(200) : 0;
        c.centre = random.nextInt(20) == 0 ? random.nextInt(9) - 4 : random.nextInt(4);
        c.window = random.nextInt(14) - 1;
        c.staff = random.nextInt(44) - 1;
        c.priority = random.nextInt(5) - 1;
        final int services = random.nextInt(4);
        for (int s = 0; s < services; s++)
        {
            c.addService(random.nextInt(20) == 0 ? 11 + random.nextInt(3) : random.nextInt(11));
        }
        c.ticketNumber = random.nextInt(10) == 0 ? random.nextInt() : TicketNumber.encode(
            (char)('A' + random.nextInt(11)), random.nextInt(40));
        c.score = random.nextInt(7);
        c.targetCentre = random.nextInt(6) - 1;
        c.targetWindow = random.nextInt(14) - 1;
        c.targetService = random.nextInt(13) - 1;
        c.slotMs = TestNode.OPEN_MS + (random.nextInt(60) - 10) * 15L * 60_000 + (random.nextInt(8) == 0 ? 1 : 0);
        c.appointmentCode = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1_000_000);
        c.flag = random.nextInt(3);
    }

    /** A frame the server must refuse with an ERROR answer: random bytes, a truncated body, a bad type. */
    private static int garbage(final Random random, final UnsafeBuffer frame, final long correlation,
        final int roll)
    {
        if (roll == 7)
        {
            final int length = random.nextInt(200);
            final byte[] noise = new byte[length];
            random.nextBytes(noise);
            frame.putInt(0, length, java.nio.ByteOrder.LITTLE_ENDIAN);
            frame.putBytes(4, noise);
            if (length >= 12)
            {
                // never a well-formed HELLO or COMMAND by chance
                frame.putShort(4, (short)(6 + random.nextInt(60_000)), java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            return 4 + length;
        }
        final Command c = new Command().clear();
        c.type = CommandType.ISSUE_TICKET;
        final int full = ClientFrames.command(frame, 0, correlation, c);
        if (roll == 8)
        {
            final int cut = 12 + random.nextInt(BinaryProtocol.COMMAND_BODY_LENGTH);
            frame.putInt(0, cut, java.nio.ByteOrder.LITTLE_ENDIAN);
            return 4 + cut;
        }
        // a full-length body with an unknown or internal type, or too many services
        final int body = 4 + 12;
        if (random.nextBoolean())
        {
            frame.putByte(body, (byte)(random.nextBoolean() ? 100 + random.nextInt(150) : CommandType.TICK.code()));
        }
        else
        {
            frame.putByte(body + 25, (byte)(6 + random.nextInt(250)));
        }
        return full;
    }
}

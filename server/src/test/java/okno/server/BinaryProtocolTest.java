package okno.server;

import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;
import okno.protocol.binary.BinaryProtocol;
import okno.server.BinaryTestClient.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static okno.server.TestNode.KIOSK;
import static okno.server.TestNode.OPERATOR;
import static okno.server.TestNode.TERMINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary TCP protocol against a real node: visits, pipelining, bad frames, roles, back-pressure. */
class BinaryProtocolTest
{
    /** Indexes in the demo network's configuration order. */
    static final int TVERSKOY = 0;
    static final int KHAMOVNIKI = 2;
    static final int PASSPORT = 0;
    static final int CONSULT = 10;

    @RegisterExtension
    static final NodeExtension NODE = new NodeExtension();

    private static TestNode node;

    @BeforeAll
    static void node()
    {
        node = NODE.node();
    }

    static Command command(final CommandType type, final int centre)
    {
        final Command c = new Command().clear();
        c.type = type;
        c.centre = centre;
        return c;
    }

    static Command issue(final int centre, final int service, final long requestKey)
    {
        final Command c = command(CommandType.ISSUE_TICKET, centre).addService(service);
        c.priority = PriorityClass.NORMAL.code();
        c.requestKey = requestKey;
        return c;
    }

    static Command atWindow(final CommandType type, final int centre, final int window)
    {
        final Command c = command(type, centre);
        c.window = window;
        return c;
    }

    private BinaryTestClient client() throws IOException
    {
        return new BinaryTestClient(node.server().tcpPort());
    }

    @Test
    void helloThenAWholeVisit() throws IOException
    {
        final int number;
        try (BinaryTestClient kiosk = client(); BinaryTestClient terminal = client())
        {
            final Message hello = kiosk.hello(KIOSK);
            assertEquals(1, hello.buffer().getByte(BinaryProtocol.HEADER_LENGTH));
            assertEquals(TVERSKOY, hello.buffer().getInt(BinaryProtocol.HEADER_LENGTH + 1,
                ByteOrder.LITTLE_ENDIAN));
            terminal.hello(TERMINAL);

            final Message issued = kiosk.call(7, issue(TVERSKOY, CONSULT, 0xABCDL));
            assertEquals(0, issued.resultCode());
            number = issued.ticket();
            assertEquals('K', TicketNumber.prefix(number));
            final Message retried = kiosk.call(8, issue(TVERSKOY, CONSULT, 0xABCDL));
            assertTrue(retried.duplicate());
            assertEquals(number, retried.ticket());

            final Command open = atWindow(CommandType.OPEN_WINDOW, TVERSKOY, 9);
            open.staff = 7;
            assertEquals(0, terminal.call(1, open).resultCode());
            final Message called = terminal.call(2, atWindow(CommandType.CALL_NEXT, TVERSKOY, 9));
            assertEquals(0, called.resultCode());
            assertEquals(number, called.ticket());
            assertEquals(0, terminal.call(3, atWindow(CommandType.START_SERVICE, TVERSKOY, 9)).resultCode());
            assertEquals(0, terminal.call(4, atWindow(CommandType.COMPLETE_SERVICE, TVERSKOY, 9)).resultCode());
            assertEquals(Result.NOTHING_TO_CALL.code(),
                terminal.call(5, atWindow(CommandType.CALL_NEXT, TVERSKOY, 9)).resultCode());
            assertEquals(Result.NO_CURRENT_TICKET.code(),
                terminal.call(6, atWindow(CommandType.COMPLETE_SERVICE, TVERSKOY, 9)).resultCode());
        }
        final TestNode.Reply status = node.get("/api/centres/tverskoy/tickets/" + TicketNumber.format(number),
            TestNode.DISPLAY);
        assertEquals("DONE", status.text("state"), status::toString);
        assertEquals("10", status.text("window"));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException
    {
        final int count = 5_000;
        try (BinaryTestClient kiosk = client())
        {
            kiosk.hello("kiosk-khamovniki");
            for (int i = 0; i < count; i++)
            {
                kiosk.write(1_000 + i, issue(KHAMOVNIKI, i % 2 == 0 ? PASSPORT : CONSULT, 0));
            }
            kiosk.flush();
            final int[] lastSerial = new int[26];
            for (int i = 0; i < count; i++)
            {
                final Message answer = kiosk.read();
                assertEquals(1_000 + i, answer.correlation());
                assertEquals(0, answer.resultCode());
                final int letter = TicketNumber.prefix(answer.ticket()) - 'A';
                assertEquals(lastSerial[letter] + 1, TicketNumber.serial(answer.ticket()),
                    "numbers of each prefix follow the request order");
                lastSerial[letter]++;
            }
            assertEquals(count / 2, lastSerial['A' - 'A']);
            assertEquals(count / 2, lastSerial['K' - 'A']);
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionGoesOn() throws IOException
    {
        try (BinaryTestClient bad = client(); BinaryTestClient good = client())
        {
            good.hello(KIOSK);
            assertEquals(BinaryProtocol.ERROR_NOT_AUTHENTICATED,
                bad.call(1, issue(TVERSKOY, CONSULT, 0)).errorCode());
            bad.sendHello(2, "forged");
            assertEquals(BinaryProtocol.ERROR_BAD_TOKEN, bad.read().errorCode());
            bad.hello(KIOSK);

            bad.sendFrame(5, new byte[] {1, 2, 3, 4, 5});
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());
            bad.sendFrame(0, new byte[0]);
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());
            bad.sendFrame(12, header(99, 1, 3));
            final Message unknown = bad.read();
            assertEquals(BinaryProtocol.ERROR_UNKNOWN_TEMPLATE, unknown.errorCode());
            assertEquals(3, unknown.correlation());
            bad.sendFrame(12, header(BinaryProtocol.COMMAND, 2, 4));
            assertEquals(BinaryProtocol.ERROR_UNSUPPORTED_VERSION, bad.read().errorCode());
            bad.sendFrame(20, ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .put(header(BinaryProtocol.COMMAND, 1, 5)).array());
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());
            final byte[] unknownType = ByteBuffer.allocate(12 + BinaryProtocol.COMMAND_BODY_LENGTH)
                .order(ByteOrder.LITTLE_ENDIAN).put(header(BinaryProtocol.COMMAND, 1, 6)).put((byte)99).array();
            bad.sendFrame(unknownType.length, unknownType);
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());
            final byte[] tick = unknownType.clone();
            tick[12] = (byte)CommandType.TICK.code();
            bad.sendFrame(tick.length, tick);
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());

            final Command open = atWindow(CommandType.OPEN_WINDOW, TVERSKOY, 0);
            open.staff = 0;
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN, bad.call(7, open).errorCode());
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN, bad.call(8, issue(KHAMOVNIKI, CONSULT, 0)).errorCode());
            assertEquals(0, bad.call(9, issue(TVERSKOY, CONSULT, 0)).resultCode());
            assertEquals(0, good.call(1, issue(TVERSKOY, CONSULT, 0)).resultCode());

            // An unusable length closes only that connection.
            bad.sendFrame(1 << 20, new byte[16]);
            assertEquals(BinaryProtocol.ERROR_MALFORMED, bad.read().errorCode());
            assertTrue(bad.closedByServer());
            assertEquals(0, good.call(2, issue(TVERSKOY, CONSULT, 0)).resultCode());
        }
        try (BinaryTestClient negative = client(); BinaryTestClient good = client())
        {
            good.hello(KIOSK);
            negative.sendFrame(-7, new byte[16]);
            // The length field is unsigned: -7 reads as a length of almost 4 GiB.
            assertEquals(BinaryProtocol.ERROR_MALFORMED, negative.read().errorCode());
            assertTrue(negative.closedByServer());
            assertEquals(0, good.call(3, issue(TVERSKOY, CONSULT, 0)).resultCode());
        }
    }

    @Test
    void rolesLimitTheCommands() throws IOException
    {
        try (BinaryTestClient display = client(); BinaryTestClient terminal = client();
            BinaryTestClient operator = client())
        {
            display.hello(TestNode.DISPLAY);
            terminal.hello(TERMINAL);
            operator.hello(OPERATOR);
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN, display.call(1, issue(TVERSKOY, CONSULT, 0)).errorCode());
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN, terminal.call(1, issue(TVERSKOY, CONSULT, 0)).errorCode());
            final Command assign = command(CommandType.ASSIGN_STAFF, -1);
            assign.staff = 40;
            assign.targetCentre = 1;
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN, terminal.call(2, assign).errorCode());
            assertEquals(BinaryProtocol.ERROR_FORBIDDEN,
                terminal.call(3, atWindow(CommandType.CALL_NEXT, KHAMOVNIKI, 0)).errorCode());
            assertEquals(0, operator.call(1, issue(KHAMOVNIKI, CONSULT, 0)).resultCode());
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotBlockOthers() throws Exception
    {
        final CountDownLatch stalled = new CountDownLatch(1);
        try (Socket silent = new Socket("127.0.0.1", node.server().tcpPort()))
        {
            silent.setReceiveBufferSize(4096);
            final Thread flood = new Thread(() ->
            {
                try
                {
                    final OutputStream out = silent.getOutputStream();
                    final BinaryTestClient.Frames frames = new BinaryTestClient.Frames();
                    out.write(frames.hello(OPERATOR));
                    final byte[] batch = frames.commands(1_000, issue(KHAMOVNIKI, CONSULT, 0));
                    for (int i = 0; i < 1_000; i++)
                    {
                        out.write(batch);
                    }
                }
                catch (final IOException closed)
                {
                    // the test closes the socket while this thread is blocked writing
                }
                stalled.countDown();
            });
            flood.setDaemon(true);
            flood.start();
            assertFalse(stalled.await(3, TimeUnit.SECONDS), "the server stops reading a client that does not read");
            try (BinaryTestClient other = client())
            {
                other.hello(KIOSK);
                for (int i = 0; i < 100; i++)
                {
                    assertEquals(0, other.call(i, issue(TVERSKOY, CONSULT, 0)).resultCode());
                }
            }
            assertEquals(200, node.get("/api/health", null).status());
        }
        assertTrue(stalled.await(10, TimeUnit.SECONDS));
    }

    private static byte[] header(final int template, final int version, final long correlation)
    {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short)template)
            .putShort((short)version).putLong(correlation).array();
    }
}

package okno.server;

import okno.engine.api.Command;
import okno.protocol.binary.BinaryProtocol;
import okno.protocol.binary.ClientFrames;
import okno.protocol.binary.ResultMessage;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A blocking binary-protocol client over a plain socket, for tests (of other packages too). */
public final class BinaryTestClient implements AutoCloseable
{
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1024]);

    public BinaryTestClient(final int port) throws IOException
    {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    /** One answer: template, echoed correlation and the message bytes (header included). */
    public record Message(int template, long correlation, UnsafeBuffer buffer)
    {
        public int resultCode()
        {
            assertEquals(BinaryProtocol.RESULT, template, "expected a RESULT, got an error " + errorCode());
            return ResultMessage.resultCode(buffer, BinaryProtocol.HEADER_LENGTH);
        }

        public int ticket()
        {
            return ResultMessage.ticket(buffer, BinaryProtocol.HEADER_LENGTH);
        }

        boolean duplicate()
        {
            return ResultMessage.duplicate(buffer, BinaryProtocol.HEADER_LENGTH);
        }

        int errorCode()
        {
            return template == BinaryProtocol.ERROR ? ClientFrames.errorCode(buffer, 0) : 0;
        }
    }

    void sendRaw(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    /** Sends a message body with a length field in front (the length may lie: {@code declared}). */
    void sendFrame(final int declared, final byte[] message) throws IOException
    {
        final ByteBuffer frame = ByteBuffer.allocate(4 + message.length).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(declared).put(message);
        sendRaw(frame.array());
    }

    void sendHello(final long correlation, final String token) throws IOException
    {
        final int length = ClientFrames.hello(scratch, 0, correlation, token);
        out.write(scratch.byteArray(), 0, length);
        out.flush();
    }

    /** Writes a command without flushing (pipelining); call {@link #flush()}. */
    void write(final long correlation, final Command command) throws IOException
    {
        final int length = ClientFrames.command(scratch, 0, correlation, command);
        out.write(scratch.byteArray(), 0, length);
    }

    void flush() throws IOException
    {
        out.flush();
    }

    Message read() throws IOException
    {
        final int length = Integer.reverseBytes(in.readInt());
        final byte[] bytes = new byte[length];
        in.readFully(bytes);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        return new Message(ClientFrames.template(buffer, 0), ClientFrames.correlation(buffer, 0), buffer);
    }

    /** @return whether the server closed the connection (end of stream before any further answer). */
    boolean closedByServer() throws IOException
    {
        try
        {
            read();
            return false;
        }
        catch (final EOFException ex)
        {
            return true;
        }
        catch (final IOException ex)
        {
            return ex.getMessage() != null && ex.getMessage().contains("reset");
        }
    }

    public Message hello(final String token) throws IOException
    {
        sendHello(0, token);
        final Message answer = read();
        assertEquals(BinaryProtocol.HELLO_OK, answer.template(), "error " + answer.errorCode());
        return answer;
    }

    public Message call(final long correlation, final Command command) throws IOException
    {
        write(correlation, command);
        flush();
        final Message answer = read();
        assertEquals(correlation, answer.correlation());
        return answer;
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }

    /** Frames as bytes, for clients that write on their own. */
    static final class Frames
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

        byte[] hello(final String token)
        {
            final int length = ClientFrames.hello(buffer, 0, 0, token);
            return java.util.Arrays.copyOf(buffer.byteArray(), length);
        }

        byte[] commands(final int count, final Command command)
        {
            final byte[] bytes = new byte[count * ClientFrames.COMMAND_FRAME_LENGTH];
            final UnsafeBuffer target = new UnsafeBuffer(bytes);
            for (int i = 0; i < count; i++)
            {
                ClientFrames.command(target, i * ClientFrames.COMMAND_FRAME_LENGTH, i, command);
            }
            return bytes;
        }
    }
}

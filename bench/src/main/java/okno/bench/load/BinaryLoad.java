package okno.bench.load;

import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.protocol.binary.BinaryProtocol;
import okno.protocol.binary.ClientFrames;
import okno.protocol.binary.ResultMessage;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Binary protocol workload of one operator connection at one centre and window: a repeating cycle of issue
 * ticket, call next, start, complete, so that the queue stays short however long the run.
 */
final class BinaryLoad implements LoadProtocol
{
    private static final CommandType[] CYCLE = {CommandType.ISSUE_TICKET, CommandType.CALL_NEXT,
        CommandType.START_SERVICE, CommandType.COMPLETE_SERVICE};

    private final String token;
    private final int centre;
    private final int window;
    private final int staff;
    private final int service;
    private final Command command = new Command();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    /**
     * @param staff staff index opening the window before the run, or -1 to leave windows alone
     */
    BinaryLoad(final String token, final int centre, final int window, final int staff, final int service)
    {
        this.token = token;
        this.centre = centre;
        this.window = window;
        this.staff = staff;
        this.service = service;
    }

    @Override
    public int setUpRequests(final ByteBuffer out)
    {
        int length = ClientFrames.hello(scratch, 0, -1, token);
        if (staff >= 0)
        {
            command.clear();
            command.type = CommandType.OPEN_WINDOW;
            command.centre = centre;
            command.window = window;
            command.staff = staff;
            length += ClientFrames.command(scratch, length, -2, command);
        }
        out.put(scratch.byteArray(), 0, length);
        return length;
    }

    @Override
    public int setUpAnswers()
    {
        return staff >= 0 ? 2 : 1;
    }

    @Override
    public boolean writeRequest(final ByteBuffer out, final long n)
    {
        if (out.remaining() < ClientFrames.COMMAND_FRAME_LENGTH)
        {
            return false;
        }
        command.clear();
        command.type = CYCLE[(int)(n & 3)];
        command.centre = centre;
        command.window = window;
        if (command.type == CommandType.ISSUE_TICKET)
        {
            command.addService(service);
            command.priority = PriorityClass.NORMAL.code();
        }
        ClientFrames.command(scratch, 0, n, command);
        out.put(scratch.byteArray(), 0, ClientFrames.COMMAND_FRAME_LENGTH);
        return true;
    }

    @Override
    public int readAnswer(final ByteBuffer in)
    {
        if (in.remaining() < BinaryProtocol.LENGTH_FIELD)
        {
            return -1;
        }
        final int length = in.order(ByteOrder.LITTLE_ENDIAN).getInt(in.position());
        if (in.remaining() < BinaryProtocol.LENGTH_FIELD + length)
        {
            return -1;
        }
        final int start = in.position() + BinaryProtocol.LENGTH_FIELD;
        view.wrap(in, start, length);
        final int answer = ClientFrames.template(view, 0) == BinaryProtocol.RESULT
            && ResultMessage.resultCode(view, BinaryProtocol.HEADER_LENGTH) == 0 ? 0 : 1;
        in.position(start + length);
        return answer;
    }
}

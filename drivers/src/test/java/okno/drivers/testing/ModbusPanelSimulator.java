package okno.drivers.testing;

import com.ghgande.j2mod.modbus.util.ModbusUtil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rating panels as Modbus RTU slaves on the master side of a pty (j2mod's serial slave cannot open a pty
 * master, so the slave side is done here with j2mod's CRC). Answers function 03 (read holding registers) for
 * its units from registers {score, counter}; requests with a bad CRC are dropped one byte at a time until the
 * stream lines up again, as a slave resynchronising on a noisy line would.
 */
public final class ModbusPanelSimulator extends PtyDeviceSimulator
{
    private static final int REQUEST_LENGTH = 8;

    public final Set<Integer> mute = ConcurrentHashMap.newKeySet();
    private final Map<Integer, int[]> registers = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public ModbusPanelSimulator(final Set<Integer> units) throws IOException
    {
        super("modbus-sim");
        units.forEach(u -> registers.put(u, new int[2]));
    }

    /**
     * A visitor presses a score on a panel: score register set, counter incremented.
     *
     * @param unit  unit id
     * @param score score
     */
    public void rate(final int unit, final int score)
    {
        final int[] r = registers.get(unit);
        synchronized (r)
        {
            r[0] = score;
            r[1] = (r[1] + 1) & 0xFFFF;
        }
    }

    /**
     * Sets both registers directly (e.g. a panel that already has ratings when okno starts).
     *
     * @param unit    unit id
     * @param score   score
     * @param counter counter
     */
    public void set(final int unit, final int score, final int counter)
    {
        final int[] r = registers.get(unit);
        synchronized (r)
        {
            r[0] = score;
            r[1] = counter;
        }
    }

    @Override
    protected void onBytes(final byte[] buf, final int length)
    {
        pending.write(buf, 0, length);
        byte[] data = pending.toByteArray();
        int pos = 0;
        while (data.length - pos >= REQUEST_LENGTH)
        {
            final int[] crc = ModbusUtil.calculateCRC(data, pos, REQUEST_LENGTH - 2);
            if ((data[pos + 6] & 0xFF) != crc[0] || (data[pos + 7] & 0xFF) != crc[1])
            {
                pos++;
                continue;
            }
            answer(Arrays.copyOfRange(data, pos, pos + REQUEST_LENGTH));
            pos += REQUEST_LENGTH;
        }
        pending.reset();
        pending.write(data, pos, data.length - pos);
    }

    private void answer(final byte[] request)
    {
        final int unit = request[0] & 0xFF;
        final int[] r = registers.get(unit);
        if (r == null || mute.contains(unit) || request[1] != 3)
        {
            return;
        }
        final int start = (request[2] & 0xFF) << 8 | request[3] & 0xFF;
        final int count = (request[4] & 0xFF) << 8 | request[5] & 0xFF;
        if (start != 0 || count != 2)
        {
            return;
        }
        final int score;
        final int counter;
        synchronized (r)
        {
            score = r[0];
            counter = r[1];
        }
        final byte[] response = {(byte)unit, 3, 4, (byte)(score >> 8), (byte)score, (byte)(counter >> 8), (byte)counter,
            0, 0};
        final int[] crc = ModbusUtil.calculateCRC(response, 0, response.length - 2);
        response[7] = (byte)crc[0];
        response[8] = (byte)crc[1];
        reply(response);
    }
}

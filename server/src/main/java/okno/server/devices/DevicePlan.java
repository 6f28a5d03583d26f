package okno.server.devices;

import okno.config.DeviceDef;
import okno.config.DeviceKind;
import okno.config.NetworkIndex;
import okno.drivers.SerialPortConfig;
import okno.drivers.board.HallBoardConfig;
import okno.drivers.display.WindowAddress;
import okno.drivers.display.WindowDisplayConfig;
import okno.drivers.printer.TicketPrinterConfig;
import okno.drivers.rating.RatingPanelAddress;
import okno.drivers.rating.RatingPanelConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The driver configurations of a network's devices, built once from the {@code devices} section: one
 * {@link TicketPrinterConfig} and one {@link HallBoardConfig} per device, and the window displays and the rating
 * panels grouped into one bus per port. A bus member's driver key is its configured device id, so the bus id is
 * the port path and the driver reports the member as {@code port/deviceId}; {@link #device(String)} maps every
 * id a driver reports back to its {@link DeviceDef}. Immutable.
 */
final class DevicePlan
{
    /** Calls a hall board shows, newest on top. */
    static final int HALL_BOARD_LINES = 5;

    /** A ticket printer of a centre (index), in a kiosk (index; -1 when the printer names none). */
    record Printer(DeviceDef def, int centre, int kiosk, TicketPrinterConfig config)
    {
    }

    /** A hall board of a centre (index). */
    record Board(DeviceDef def, int centre, HallBoardConfig config)
    {
    }

    private final List<DeviceDef> devices;
    private final List<Printer> printers = new ArrayList<>();
    private final List<Board> boards = new ArrayList<>();
    private final List<WindowDisplayConfig> displayBuses = new ArrayList<>();
    private final List<RatingPanelConfig> ratingBuses = new ArrayList<>();
    private final Map<String, DeviceDef> byDriverId = new HashMap<>();
    private final Map<String, DeviceDef> byId = new HashMap<>();

    /**
     * @throws IllegalArgumentException naming the device when a device does not fit its driver (address out of
     *                                  range, two kinds or two baud rates on one port)
     */
    DevicePlan(final NetworkIndex index)
    {
        devices = index.config().devices();
        final Map<String, DeviceDef> portOwners = new HashMap<>();
        final Map<String, List<DeviceDef>> displaysByPort = new LinkedHashMap<>();
        final Map<String, List<DeviceDef>> panelsByPort = new LinkedHashMap<>();
        for (final DeviceDef def : devices)
        {
            checkPort(portOwners, def);
            byId.put(def.id(), def);
            final SerialPortConfig port = SerialPortConfig.of(def.port(), def.baud());
            final int centre = index.centre(def.centre());
            switch (def.kind())
            {
                case TICKET_PRINTER -> printers.add(new Printer(def, centre, index.kiosk(def.kiosk()),
                    build(List.of(def), () -> new TicketPrinterConfig(def.id(), port))));
                case HALL_BOARD -> boards.add(new Board(def, centre,
                    build(List.of(def), () -> HallBoardConfig.of(def.id(), port, def.address(), HALL_BOARD_LINES))));
                case WINDOW_DISPLAY -> displaysByPort.computeIfAbsent(def.port(), p -> new ArrayList<>()).add(def);
                case RATING_PANEL -> panelsByPort.computeIfAbsent(def.port(), p -> new ArrayList<>()).add(def);
            }
        }
        displaysByPort.forEach((port, defs) -> displayBuses.add(build(defs, () -> new WindowDisplayConfig(
            port, portOf(defs), defs.stream().map(d -> new WindowAddress(d.id(), d.address())).toList()))));
        panelsByPort.forEach((port, defs) -> ratingBuses.add(build(defs, () -> RatingPanelConfig.of(
            port, portOf(defs), defs.stream().map(d -> new RatingPanelAddress(d.id(), d.address())).toList()))));
        for (final DeviceDef def : devices)
        {
            byDriverId.put(isBusMember(def) ? def.port() + "/" + def.id() : def.id(), def);
        }
    }

    /** A port serves one printer, one board, or one bus of a single kind at a single baud rate. */
    private static void checkPort(final Map<String, DeviceDef> portOwners, final DeviceDef def)
    {
        final DeviceDef first = portOwners.putIfAbsent(def.port(), def);
        if (first == null)
        {
            return;
        }
        if (!isBusMember(def) || first.kind() != def.kind() || first.baud() != def.baud())
        {
            throw new IllegalArgumentException("device '" + def.id() + "': port " + def.port()
                + " is already used by device '" + first.id() + "' (" + first.kind().wireName() + ", "
                + first.baud() + " baud)");
        }
    }

    private static SerialPortConfig portOf(final List<DeviceDef> defs)
    {
        return SerialPortConfig.of(defs.get(0).port(), defs.get(0).baud());
    }

    /** Runs a driver config constructor, naming the devices (one, or all of a bus) in its complaint. */
    private static <T> T build(final List<DeviceDef> defs, final Supplier<T> builder)
    {
        try
        {
            return builder.get();
        }
        catch (final IllegalArgumentException ex)
        {
            final DeviceDef first = defs.get(0);
            throw new IllegalArgumentException((defs.size() == 1 ? "device '" : "devices '")
                + String.join("', '", defs.stream().map(DeviceDef::id).toList()) + "' (" + first.kind().wireName()
                + " on " + first.port() + "): " + ex.getMessage(), ex);
        }
    }

    private static boolean isBusMember(final DeviceDef def)
    {
        return def.kind() == DeviceKind.WINDOW_DISPLAY || def.kind() == DeviceKind.RATING_PANEL;
    }

    /** @return every configured device, in configuration order. */
    List<DeviceDef> devices()
    {
        return devices;
    }

    /** @return the ticket printers, in configuration order. */
    List<Printer> printers()
    {
        return printers;
    }

    /** @return the hall boards, in configuration order. */
    List<Board> boards()
    {
        return boards;
    }

    /** @return one bus per port of window displays; members are keyed by device id. */
    List<WindowDisplayConfig> displayBuses()
    {
        return displayBuses;
    }

    /** @return one bus per port of rating panels; members are keyed by device id. */
    List<RatingPanelConfig> ratingBuses()
    {
        return ratingBuses;
    }

    /** @return the device a driver reports as {@code driverId}, or {@code null}. */
    DeviceDef device(final String driverId)
    {
        return byDriverId.get(driverId);
    }

    /** @return the device with that configured id (a bus member's driver key), or {@code null}. */
    DeviceDef byId(final String id)
    {
        return byId.get(id);
    }
}

package okno.server.devices;

import okno.config.NetworkIndex;
import okno.config.NetworkLoader;
import okno.drivers.display.WindowAddress;
import okno.drivers.rating.RatingPanelAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevicePlanTest
{
    private static final String NETWORK = String.join("\n",
        "network: plan",
        "services:",
        "  - {id: passport, name: Паспорт, expectedMinutes: 10, prefix: A}",
        "centres:",
        "  - {id: north, name: Север, lat: 55.8, lon: 37.6, windows: [{ids: \"1-3\", skills: {passport: 1}}]}",
        "  - {id: south, name: Юг, lat: 55.6, lon: 37.6, windows: [{ids: \"1-2\", skills: {passport: 1}}]}",
        "devices:",
        "");

    private static DevicePlan plan(final String... devices)
    {
        return new DevicePlan(new NetworkIndex(NetworkLoader.fromString("plan.yaml",
            NETWORK + String.join("\n", devices) + "\n")));
    }

    @Test
    void groupsDisplaysAndPanelsIntoOneBusPerPort()
    {
        final DevicePlan plan = plan(
            "  - {id: p-north, kind: ticket-printer, centre: north, port: /dev/p0}",
            "  - {id: p-south, kind: ticket-printer, centre: south, port: /dev/p1, baud: 115200}",
            "  - {id: d1, kind: window-display, centre: north, port: /dev/d0, address: 1, window: \"1\"}",
            "  - {id: r1, kind: rating-panel, centre: north, port: /dev/r0, address: 7, window: \"1\"}",
            "  - {id: d2, kind: window-display, centre: north, port: /dev/d0, address: 2, window: \"3\"}",
            "  - {id: d3, kind: window-display, centre: south, port: /dev/d1, address: 1, window: \"2\"}",
            "  - {id: b1, kind: hall-board, centre: south, port: /dev/b0, address: 3}");

        assertEquals(List.of("p-north", "p-south"), plan.printers().stream().map(p -> p.config().deviceId()).toList());
        assertEquals(List.of(0, 1), plan.printers().stream().map(DevicePlan.Printer::centre).toList());
        assertEquals(115_200, plan.printers().get(1).config().port().baudRate());
        assertEquals(2, plan.displayBuses().size());
        assertEquals("/dev/d0", plan.displayBuses().get(0).busId());
        assertEquals(List.of(new WindowAddress("d1", 1), new WindowAddress("d2", 2)),
            plan.displayBuses().get(0).windows());
        assertEquals(List.of(new RatingPanelAddress("r1", 7)), plan.ratingBuses().get(0).panels());
        assertEquals(3, plan.boards().get(0).config().address());
        assertEquals(DevicePlan.HALL_BOARD_LINES, plan.boards().get(0).config().lines());
        assertEquals("d2", plan.device("/dev/d0/d2").id());
        assertEquals("r1", plan.device("/dev/r0/r1").id());
        assertEquals("b1", plan.device("b1").id());
        assertNull(plan.device("d2"));
        assertEquals("3", plan.byId("d2").window());
    }

    @Test
    void refusesDevicesThatDoNotFitTheirDriverNamingTheDevice()
    {
        final IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> plan(
            "  - {id: d1, kind: window-display, centre: north, port: /dev/x, address: 1, window: \"1\"}",
            "  - {id: r1, kind: rating-panel, centre: north, port: /dev/x, address: 1, window: \"1\"}"));
        assertEquals("device 'r1': port /dev/x is already used by device 'd1' (window-display, 9600 baud)",
            shared.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan(
            "  - {id: d1, kind: window-display, centre: north, port: /dev/x, address: 1, window: \"1\"}",
            "  - {id: d2, kind: window-display, centre: north, port: /dev/x, baud: 19200, address: 2, window: \"2\"}"));
        final IllegalArgumentException address = assertThrows(IllegalArgumentException.class, () -> plan(
            "  - {id: b1, kind: hall-board, centre: north, port: /dev/b}"));
        assertEquals("device 'b1' (hall-board on /dev/b): board address not in 1..255: 0", address.getMessage());
        final IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> plan(
            "  - {id: d1, kind: window-display, centre: north, port: /dev/x, address: 4, window: \"1\"}",
            "  - {id: d2, kind: window-display, centre: north, port: /dev/x, address: 4, window: \"2\"}"));
        assertEquals("devices 'd1', 'd2' (window-display on /dev/x): bus /dev/x: duplicate window or address "
            + "WindowAddress[windowId=d2, address=4]", duplicate.getMessage());
    }
}

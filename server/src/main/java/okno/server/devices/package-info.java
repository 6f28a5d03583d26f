/**
 * The node's serial devices wired to the engine: kiosk ticket printers, window call displays with keypads,
 * hall boards and rating panels, configured by the network's {@code devices} section.
 *
 * <pre>
 *  engine publisher ──events──▶ ServerDevices ──▶ TicketSlips ──▶ KioskPrinter ──▶ okno.drivers.printer
 *                                            └──▶ CallDisplays ──▶ okno.drivers.display / okno.drivers.board
 *  keypads, rating panels ──▶ DeviceCommands ──▶ EngineGateway
 *  driver health ──▶ DeviceHealth ──▶ WebSocket DeviceStatus, okno_device_up, GET /api/network/devices
 *  POST .../tickets/{number}/reprint ──▶ DeviceEndpoints ──▶ TicketSlips
 * </pre>
 *
 * <p>{@link okno.server.devices.DevicePlan} turns the configuration into driver configs (buses grouped by port);
 * the drivers own one worker thread per port, so the engine's publisher thread never waits on a device.
 */
package okno.server.devices;

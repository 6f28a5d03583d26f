package okno.protocol.binary;

/**
 * Layout of the binary kiosk protocol. Every frame is a little-endian {@code int32} length (of what follows)
 * and a message:
 *
 * <pre>
 *  0 u16 templateId   2 u16 schemaVersion   4 i64 correlationId (client request id, echoed)   12 body...
 *
 *  HELLO (1)            body: u16 tokenLength, token bytes (ASCII)
 *  HELLO_OK (2)         body: u8 role (1 kiosk, 2 terminal, 3 display, 4 operator), i32 centre index or -1
 *  COMMAND (3)          body: u8 commandType code, i64 requestKey, i32 centre, i32 window, i32 staff,
 *                             i32 priority, u8 serviceCount, i32[5] services, i32 ticketNumber, i32 score,
 *                             i32 targetCentre, i32 targetWindow, i32 targetService, i64 slotMs,
 *                             i64 appointmentCode, i32 flag
 *  RESULT (4)           body: i32 resultCode, u8 duplicate, i32 ticketNumber, i32 position, i32 etaSeconds,
 *                             i64 appointmentCode, i64 slotMs
 *  ERROR (5)            body: i32 errorCode, u16 messageLength, message bytes (UTF-8)
 * </pre>
 *
 * Ids are the network's indexes in configuration order ({@code GET /api/centres} lists them). Answers come
 * in request order. The commands of a session opened with a kiosk token carry that kiosk to the engine (there is
 * no kiosk field on the wire), so the tickets it issues print at the kiosk's own printer. A frame longer than
 * {@link #MAX_FRAME_LENGTH} closes the connection.
 */
public final class BinaryProtocol
{
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_FRAME_LENGTH = 512;
    public static final int LENGTH_FIELD = 4;

    public static final int TEMPLATE_OFFSET = 0;
    public static final int VERSION_OFFSET = 2;
    public static final int CORRELATION_OFFSET = 4;
    public static final int HEADER_LENGTH = 12;

    public static final int HELLO = 1;
    public static final int HELLO_OK = 2;
    public static final int COMMAND = 3;
    public static final int RESULT = 4;
    public static final int ERROR = 5;

    /** Body length of a COMMAND message. */
    public static final int COMMAND_BODY_LENGTH = 1 + 8 + 4 * 4 + 1 + 4 * 5 + 4 * 5 + 8 + 8 + 4;
    /** Body length of a RESULT message. */
    public static final int RESULT_BODY_LENGTH = 4 + 1 + 4 + 4 + 4 + 8 + 8;

    /** Error codes of ERROR frames (engine rejections travel in RESULT frames as their own codes). */
    public static final int ERROR_MALFORMED = 1;
    public static final int ERROR_UNKNOWN_TEMPLATE = 2;
    public static final int ERROR_UNSUPPORTED_VERSION = 3;
    public static final int ERROR_NOT_AUTHENTICATED = 4;
    public static final int ERROR_FORBIDDEN = 5;
    public static final int ERROR_BAD_TOKEN = 6;
    public static final int ERROR_OVERLOADED = 7;

    private BinaryProtocol()
    {
    }
}

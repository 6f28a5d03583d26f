package okno.protocol.api;

import okno.config.Role;
import okno.engine.api.AppointmentView;
import okno.engine.api.CommandType;
import okno.engine.api.SlotView;
import okno.protocol.auth.TokenAuthenticator;
import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;
import okno.protocol.http.JsonBodies;
import okno.protocol.http.RateLimiter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Pre-registration: free slots, booking, cancelling (open to the public, rate-limited) and kiosk check-in. */
final class AppointmentResource
{
    private final EngineCalls engine;
    private final IdResolver ids;
    private final ApiViews views;
    private final JsonBodies json;
    private final RateLimiter publicLimit;
    private final ZoneOffset offset;

    AppointmentResource(final EngineCalls engine, final IdResolver ids, final ApiViews views, final JsonBodies json,
        final RateLimiter publicLimit)
    {
        this.engine = engine;
        this.ids = ids;
        this.views = views;
        this.json = json;
        this.publicLimit = publicLimit;
        this.offset = ids.index().config().utcOffset();
    }

    void register(final HttpRouter router)
    {
        router.add("GET", "/api/centres/{c}/appointments/slots", this::slots)
            .add("POST", "/api/centres/{c}/appointments", this::book)
            .add("GET", "/api/centres/{c}/appointments/{code}", this::read)
            .add("DELETE", "/api/centres/{c}/appointments/{code}", this::cancel)
            .add("POST", "/api/centres/{c}/appointments/{code}/check-in", this::checkIn);
    }

    private CompletionStage<ApiResponse> slots(final ApiRequest request)
    {
        final int centre = ids.centre(request.param("c"));
        final int service = ids.service(request.requireQueryParam("service"));
        final LocalDate date = date(request.requireQueryParam("date"));
        return engine.query(view ->
        {
            final List<Map<String, Object>> slots = new ArrayList<>();
            for (final SlotView slot : view.freeSlots(centre, service, date.toEpochDay()))
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("slot", localTime(slot.slotMs()));
                m.put("free", slot.free());
                m.put("capacity", slot.capacity());
                slots.add(m);
            }
            return ApiResponse.ok(Map.of("centre", request.param("c"), "service", request.queryParam("service"),
                "date", date.toString(), "slots", slots));
        });
    }

    private CompletionStage<ApiResponse> book(final ApiRequest request)
    {
        final int centre = ids.centre(request.param("c"));
        limit(request);
        final Bodies.Booking body = json.read(request.body(), Bodies.Booking.class);
        final int service = ids.service(body.service());
        final long slotMs = slot(body.slot());
        final long requestKey = RequestKeys.of(body.requestId());
        return engine.executeOk(c ->
        {
            c.type = CommandType.BOOK_APPOINTMENT;
            c.centre = centre;
            c.addService(service);
            c.slotMs = slotMs;
            c.requestKey = requestKey;
        }).thenApply(outcome ->
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", Long.toString(outcome.appointmentCode()));
            m.put("centre", request.param("c"));
            m.put("service", body.service());
            m.put("slot", localTime(outcome.slotMs()));
            m.put("state", "ACTIVE");
            return outcome.duplicate() ? ApiResponse.ok(m) : ApiResponse.created(m);
        });
    }

    private CompletionStage<ApiResponse> read(final ApiRequest request)
    {
        final int centre = ids.centre(request.param("c"));
        limit(request);
        final long code = IdResolver.appointmentCode(request.param("code"));
        return engine.query(view ->
        {
            final AppointmentView appointment = view.appointment(centre, code);
            if (appointment == null)
            {
                throw ApiException.notFound("unknown_appointment", "No appointment " + code + " at this centre.");
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", Long.toString(code));
            m.put("centre", request.param("c"));
            m.put("service", ids.index().serviceAt(appointment.service()).id());
            m.put("slot", localTime(appointment.slotMs()));
            m.put("state", appointment.state().name());
            return ApiResponse.ok(m);
        });
    }

    private CompletionStage<ApiResponse> cancel(final ApiRequest request)
    {
        final int centre = ids.centre(request.param("c"));
        limit(request);
        final long code = IdResolver.appointmentCode(request.param("code"));
        return engine.executeOk(c ->
        {
            c.type = CommandType.CANCEL_APPOINTMENT;
            c.centre = centre;
            c.appointmentCode = code;
        }).thenApply(outcome -> ApiResponse.noContent());
    }

    private CompletionStage<ApiResponse> checkIn(final ApiRequest request)
    {
        TokenAuthenticator.require(request.principal(), Role.KIOSK, request.param("c"));
        final int centre = ids.centre(request.param("c"));
        final long code = IdResolver.appointmentCode(request.param("code"));
        // The body is optional; a kiosk that sends a requestId gets the same ticket back on a retry.
        final long requestKey = request.body().length == 0 ? 0
            : RequestKeys.of(json.read(request.body(), Bodies.CheckIn.class).requestId());
        final int kiosk = ids.kiosk(request.principal());
        return engine.executeOk(c ->
        {
            c.type = CommandType.CHECK_IN;
            c.centre = centre;
            c.kiosk = kiosk;
            c.appointmentCode = code;
            c.requestKey = requestKey;
        }).thenComposeAsync(outcome -> engine.query(view ->
        {
            final Map<String, Object> ticket = views.ticket(view.ticket(centre, outcome.ticket()));
            return outcome.duplicate() ? ApiResponse.ok(ticket) : ApiResponse.created(ticket);
        }), request.executor());
    }

    private void limit(final ApiRequest request)
    {
        if (!publicLimit.tryAcquire(request.client(), System.nanoTime()))
        {
            throw new ApiException(429, "rate_limited", "Too many appointment requests; try again in a minute.");
        }
    }

    private String localTime(final long epochMs)
    {
        return Instant.ofEpochMilli(epochMs).atOffset(offset).toString();
    }

    private static LocalDate date(final String text)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw ApiException.badRequest("bad_date", "'" + text + "' is not a date like 2026-11-23.");
        }
    }

    private long slot(final String text)
    {
        if (text == null)
        {
            throw ApiException.badRequest("missing_field", "Field 'slot' is required.");
        }
        try
        {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        }
        catch (final DateTimeParseException withoutOffset)
        {
            try
            {
                return LocalDateTime.parse(text).toInstant(offset).toEpochMilli();
            }
            catch (final DateTimeParseException ex)
            {
                throw ApiException.badRequest("bad_slot", "'" + text
                    + "' is not a slot time like 2026-11-23T10:15 or 2026-11-23T10:15:00+03:00.");
            }
        }
    }
}

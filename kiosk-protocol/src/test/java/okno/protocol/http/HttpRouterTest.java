package okno.protocol.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpRouterTest
{
    private final ApiHandler callNext = request -> CompletableFuture.completedFuture(ApiResponse.noContent());
    private final ApiHandler ticket = request -> CompletableFuture.completedFuture(ApiResponse.noContent());
    private final HttpRouter router = new HttpRouter()
        .add("POST", "/api/centres/{c}/windows/{w}/call-next", callNext)
        .add("GET", "/api/centres/{c}/tickets/{number}", ticket);

    @Test
    void bindsPathParameters()
    {
        final HttpRouter.Match match = router.match("POST", "/api/centres/tverskoy/windows/12/call-next");
        assertSame(callNext, match.handler());
        assertEquals("tverskoy", match.pathParams().get("c"));
        assertEquals("12", match.pathParams().get("w"));
    }

    @Test
    void decodesPercentEscapes()
    {
        assertEquals("A 1", router.match("GET", "/api/centres/x/tickets/A%201").pathParams().get("number"));
    }

    @Test
    void unknownPathIs404()
    {
        final ApiException ex = assertThrows(ApiException.class, () -> router.match("GET", "/api/nope"));
        assertEquals(404, ex.status());
        assertEquals("unknown_path", ex.code());
    }

    @Test
    void knownPathWithOtherMethodIs405NamingAllowedMethods()
    {
        final ApiException ex = assertThrows(ApiException.class,
            () -> router.match("DELETE", "/api/centres/a/windows/1/call-next"));
        assertEquals(405, ex.status());
        assertTrue(ex.getMessage().contains("POST"), ex.getMessage());
    }

    @Test
    void emptySegmentDoesNotMatchAPlaceholder()
    {
        assertEquals(404, assertThrows(ApiException.class,
            () -> router.match("GET", "/api/centres//tickets/A001")).status());
    }

    @Test
    void malformedEscapeIs400()
    {
        assertEquals(400, assertThrows(ApiException.class,
            () -> router.match("GET", "/api/centres/x/tickets/%zz")).status());
    }
}

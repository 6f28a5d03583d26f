package okno.protocol.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodiesTest
{
    record Body(List<String> services, String priority, Integer score)
    {
    }

    private final JsonBodies json = new JsonBodies();

    private ApiException reject(final String text)
    {
        return assertThrows(ApiException.class, () -> json.read(text.getBytes(StandardCharsets.UTF_8), Body.class));
    }

    @Test
    void readsAWellFormedBody()
    {
        final Body body = json.read("{\"services\":[\"passport\"],\"priority\":\"normal\",\"score\":5}"
            .getBytes(StandardCharsets.UTF_8), Body.class);
        assertEquals(List.of("passport"), body.services());
        assertEquals(5, body.score().intValue());
    }

    @Test
    void malformedJsonIs400WithCode()
    {
        final ApiException ex = reject("{\"services\": [");
        assertEquals(400, ex.status());
        assertEquals("malformed_json", ex.code());
    }

    @Test
    void unknownFieldIsNamedWithTheAllowedOnes()
    {
        final ApiException ex = reject("{\"servces\":[]}");
        assertEquals("unknown_field", ex.code());
        assertTrue(ex.getMessage().contains("servces") && ex.getMessage().contains("services"), ex.getMessage());
    }

    @Test
    void wrongTypeNamesTheField()
    {
        final ApiException ex = reject("{\"score\":\"five\"}");
        assertEquals("bad_field", ex.code());
        assertTrue(ex.getMessage().contains("score"), ex.getMessage());
    }

    @Test
    void fractionIsNotAnInteger()
    {
        assertEquals("bad_field", reject("{\"score\":4.5}").code());
    }

    @Test
    void emptyAndNullBodiesAreMissing()
    {
        assertEquals("missing_body", reject("").code());
        assertEquals("missing_body", reject("null").code());
    }

    @Test
    void trailingGarbageIsMalformed()
    {
        assertEquals(400, reject("{\"score\":1} {}").status());
    }

    @Test
    void scalarsAreNotCoercedBetweenTypes()
    {
        assertEquals("bad_field", reject("{\"score\":\"5\"}").code());
        assertEquals("bad_field", reject("{\"priority\":7}").code());
        assertEquals("bad_field", reject("{\"priority\":true}").code());
        assertEquals("bad_field", reject("{\"services\":\"passport\"}").code());
        assertEquals("bad_field", reject("{\"services\":[1]}").code());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused()
    {
        assertEquals("bad_field", reject("[]").code());
        assertEquals("bad_field", reject("42").code());
    }
}

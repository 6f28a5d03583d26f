package okno.protocol.auth;

import okno.config.Role;
import okno.config.TokenDef;
import okno.protocol.http.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenAuthenticatorTest
{
    private final TokenAuthenticator auth = new TokenAuthenticator(List.of(
        new TokenDef("k1", Role.KIOSK, "a"),
        new TokenDef("t1", Role.TERMINAL, "a"),
        new TokenDef("d", Role.DISPLAY, null),
        new TokenDef("op", Role.OPERATOR, null)));

    @Test
    void noHeaderIsAnonymous()
    {
        assertSame(Principal.ANONYMOUS, auth.authenticate(null));
    }

    @Test
    void unknownOrMalformedTokensAre401()
    {
        assertEquals(401, assertThrows(ApiException.class, () -> auth.authenticate("Bearer nope")).status());
        assertEquals(401, assertThrows(ApiException.class, () -> auth.authenticate("Basic abc")).status());
    }

    @Test
    void terminalActsOnlyOnItsCentre()
    {
        final Principal terminal = auth.authenticate("Bearer t1");
        assertDoesNotThrow(() -> TokenAuthenticator.require(terminal, Role.TERMINAL, "a"));
        final ApiException ex = assertThrows(ApiException.class,
            () -> TokenAuthenticator.require(terminal, Role.TERMINAL, "b"));
        assertEquals(403, ex.status());
        assertEquals("wrong_centre", ex.code());
    }

    @Test
    void kioskCannotActAsTerminalOrReadAsDisplay()
    {
        final Principal kiosk = auth.authenticate("Bearer k1");
        assertEquals(403, assertThrows(ApiException.class,
            () -> TokenAuthenticator.require(kiosk, Role.TERMINAL, "a")).status());
        assertEquals(403, assertThrows(ApiException.class,
            () -> TokenAuthenticator.require(kiosk, Role.DISPLAY, "a")).status());
    }

    @Test
    void displayReadsAnyCentreButCannotOperate()
    {
        final Principal display = auth.authenticate("Bearer d");
        assertDoesNotThrow(() -> TokenAuthenticator.require(display, Role.DISPLAY, "b"));
        assertEquals(403, assertThrows(ApiException.class,
            () -> TokenAuthenticator.require(display, Role.OPERATOR, null)).status());
    }

    @Test
    void operatorMayDoEverything()
    {
        final Principal op = auth.authenticate("Bearer op");
        assertDoesNotThrow(() -> TokenAuthenticator.require(op, Role.TERMINAL, "b"));
    }

    @Test
    void anonymousNeedsAToken()
    {
        assertEquals(401, assertThrows(ApiException.class,
            () -> TokenAuthenticator.require(Principal.ANONYMOUS, Role.DISPLAY, "a")).status());
    }
}

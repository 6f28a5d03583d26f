package okno.server;

import okno.config.CentreDef;
import okno.config.DeviceDef;
import okno.config.NetworkConfig;
import okno.config.Role;
import okno.config.StaffDef;
import okno.config.TokenDef;

import java.util.List;
import java.util.Locale;

/**
 * The few lines {@code okno serve} prints about the network it runs: sizes, and the API tokens by role so
 * that a demo user can copy one. Long token lists are cut after {@link #TOKENS_PER_ROLE} per role.
 */
final class NetworkSummary
{
    /** Tokens listed per role before the rest is counted only. */
    static final int TOKENS_PER_ROLE = 5;

    private NetworkSummary()
    {
    }

    /** @return the summary, lines ending with a line separator. */
    static String of(final NetworkConfig network)
    {
        final long flagships = network.centres().stream().filter(CentreDef::flagship).count();
        final long standby = network.staff().stream().filter(StaffDef::standby).count();
        final StringBuilder sb = new StringBuilder();
        line(sb, "network '%s' (UTC%s, seed %d)", network.name(), network.utcOffset(), network.seed());
        line(sb, "  centres   %,d (%d flagship%s)", network.centres().size(), flagships, flagships == 1 ? "" : "s");
        line(sb, "  windows   %,d", network.windowCount());
        line(sb, "  services  %,d", network.services().size());
        line(sb, "  staff     %,d (%,d standby)", network.staff().size(), standby);
        line(sb, "  devices   %,d", network.devices().size());
        line(sb, "  tokens    %,d (Authorization: Bearer <token>)", network.tokens().size());
        for (final Role role : Role.values())
        {
            final List<TokenDef> tokens = network.tokens().stream().filter(t -> t.role() == role).toList();
            for (int i = 0; i < Math.min(tokens.size(), TOKENS_PER_ROLE); i++)
            {
                final TokenDef token = tokens.get(i);
                line(sb, "    %-9s %-22s %s", role.name().toLowerCase(Locale.ROOT), token.token(),
                    token.centre() == null ? "network" : "centre " + token.centre());
            }
            if (tokens.size() > TOKENS_PER_ROLE)
            {
                line(sb, "    %-9s ... and %,d more", role.name().toLowerCase(Locale.ROOT),
                    tokens.size() - TOKENS_PER_ROLE);
            }
        }
        for (final DeviceDef device : network.devices())
        {
            line(sb, "  device    %-20s %-15s %s%s%s  %s %d baud", device.id(), device.kind().wireName(),
                device.centre(), device.window() == null ? "" : " window " + device.window(),
                device.kiosk() == null ? "" : " kiosk " + device.kiosk(), device.port(), device.baud());
        }
        return sb.toString();
    }

    private static void line(final StringBuilder sb, final String format, final Object... args)
    {
        sb.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}

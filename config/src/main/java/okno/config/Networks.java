package okno.config;

import java.util.Locale;

/**
 * The networks shipped with okno: {@code demo}, four Moscow centres loaded from the class path resource
 * {@code okno/config/demo.yaml}, and {@code moscow}, the full reference network (130 centres, about 6,100
 * windows, 200 services, about 8,000 staff) generated from a seed. Both are built anew on every call.
 */
public final class Networks
{
    /** Class path resource of the demo network. */
    public static final String DEMO_RESOURCE = "okno/config/demo.yaml";
    /** Seed {@link #byName(String)} uses for {@code moscow}. */
    public static final long DEFAULT_SEED = 42;

    private Networks()
    {
    }

    /** @return the demo network: 4 centres (one flagship), 40 windows, 11 services, 41 staff, tokens, devices. */
    public static NetworkConfig demo()
    {
        return NetworkLoader.fromResource(DEMO_RESOURCE);
    }

    /**
     * @param seed every random choice derives from it: the same seed gives an equal network
     * @return the reference Moscow-sized network
     */
    public static NetworkConfig moscow(final long seed)
    {
        return new MoscowNetworkGenerator(seed).generate();
    }

    /**
     * @param name {@code demo} or {@code moscow} (with {@link #DEFAULT_SEED}), case-insensitive
     * @return the shipped network of that name
     * @throws IllegalArgumentException for any other name
     */
    public static NetworkConfig byName(final String name)
    {
        return switch (name.toLowerCase(Locale.ROOT))
        {
            case "demo" -> demo();
            case "moscow" -> moscow(DEFAULT_SEED);
            default -> throw new IllegalArgumentException("unknown network '" + name + "' (known: demo, moscow)");
        };
    }
}

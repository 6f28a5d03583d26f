package okno.config;

import java.util.Map;

/**
 * A service window (desk) of a centre.
 *
 * @param id     identifier unique within its centre, e.g. {@code "12"}
 * @param skills service id to weight (1..10): services this window serves and how strongly it prefers them;
 *               iteration order is the order in the configuration file
 */
public record WindowDef(String id, Map<String, Integer> skills)
{
    public WindowDef
    {
        skills = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skills));
    }
}

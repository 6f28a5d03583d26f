package okno.config;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a {@link YamlNode} document to a {@link NetworkConfig}, checking every field and every reference.
 * Sections are read in dependency order (services, centres, staff, tokens, devices) whatever their order in
 * the file, so that references can be checked at the node that makes them. One binder per document.
 */
final class NetworkBinder
{
    private static final List<String> TOP_KEYS =
        List.of("network", "utcOffset", "seed", "rules", "services", "centres", "staff", "tokens", "devices");
    private static final List<String> RULE_KEYS = List.of("promiseMinutes", "escalationMinutes", "priorityQuota",
        "maxCalls", "checkInEarlyMinutes", "checkInLateMinutes", "slotMinutes", "appointmentSharePercent",
        "travelKmPerHour");
    private static final List<String> SERVICE_KEYS =
        List.of("id", "name", "agency", "expectedMinutes", "prefix", "priorities");
    private static final List<String> CENTRE_KEYS =
        List.of("id", "name", "district", "lat", "lon", "flagship", "hours", "windows");
    private static final List<String> WINDOW_KEYS = List.of("id", "ids", "skills");
    private static final List<String> STAFF_KEYS = List.of("id", "name", "home", "skills", "standby");
    private static final List<String> TOKEN_KEYS = List.of("token", "role", "centre");
    private static final List<String> DEVICE_KEYS =
        List.of("id", "kind", "centre", "port", "baud", "address", "window", "kiosk");
    private static final List<Integer> BAUD_RATES = List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);
    private static final String BAUD_RATES_TEXT = "1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200";
    private static final Pattern ID_RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final int MAX_RANGE = 500;

    private final Problems problems;
    private final HoursReader hours;
    private final Map<String, YamlNode> serviceIds = new HashMap<>();
    private final Map<String, YamlNode> centreIds = new HashMap<>();
    private final Map<String, Map<String, YamlNode>> windowIds = new HashMap<>();
    private final Map<String, YamlNode> staffIds = new HashMap<>();
    private final Map<String, YamlNode> tokenIds = new HashMap<>();
    private final Map<String, YamlNode> deviceIds = new HashMap<>();
    private final Map<String, TokenDef> tokens = new HashMap<>();
    /** Kiosk token to the {@code id} node of the printer that claimed it. */
    private final Map<String, YamlNode> printerByKiosk = new HashMap<>();

    NetworkBinder(final Problems problems)
    {
        this.problems = problems;
        this.hours = new HoursReader(problems);
    }

    /** @return the network, or {@code null} when there were problems (they are in the collector). */
    NetworkConfig bind(final YamlNode root)
    {
        final YamlFields top = YamlFields.of(problems, root, "", TOP_KEYS);
        if (top == null)
        {
            return null;
        }
        final String name = top.id("network");
        final ZoneOffset offset = utcOffset(top);
        final Long seed = top.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        final QueueRules rules = rules(top);
        final List<ServiceDef> services = new ArrayList<>();
        final List<CentreDef> centres = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        final List<TokenDef> tokens = new ArrayList<>();
        final List<DeviceDef> devices = new ArrayList<>();
        each(top, "services", true, (f) -> add(services, service(f)), SERVICE_KEYS);
        each(top, "centres", true, (f) -> add(centres, centre(f)), CENTRE_KEYS);
        each(top, "staff", false, (f) -> add(staff, staff(f)), STAFF_KEYS);
        each(top, "tokens", false, (f) -> add(tokens, token(f)), TOKEN_KEYS);
        each(top, "devices", false, (f) -> add(devices, device(f)), DEVICE_KEYS);
        if (!problems.isEmpty())
        {
            return null;
        }
        return new NetworkConfig(name, offset, seed, rules, services, centres, staff, tokens, devices);
    }

    private interface ItemBinder
    {
        void bind(YamlFields item);
    }

    private void each(final YamlFields top, final String key, final boolean nonEmpty, final ItemBinder binder,
        final List<String> allowed)
    {
        final List<YamlNode> items = top.list(key, nonEmpty);
        if (nonEmpty && items.isEmpty() && top.get(key) instanceof YamlNode.Sequence)
        {
            problems.add(top.get(key), top.path(key), "needs at least one entry");
        }
        for (int i = 0; i < items.size(); i++)
        {
            final YamlFields item = YamlFields.of(problems, items.get(i), top.path(key) + "[" + i + "]", allowed);
            if (item != null)
            {
                binder.bind(item);
            }
        }
    }

    private static <T> void add(final List<T> list, final T value)
    {
        if (value != null)
        {
            list.add(value);
        }
    }

    private ZoneOffset utcOffset(final YamlFields top)
    {
        final String text = top.string("utcOffset", false);
        if (text == null)
        {
            return top.get("utcOffset") == null ? ZoneOffset.ofHours(3) : null;
        }
        try
        {
            return ZoneOffset.of(text);
        }
        catch (final DateTimeException e)
        {
            problems.add(top.get("utcOffset"), top.path("utcOffset"),
                "invalid UTC offset '" + text + "' (expected e.g. \"+03:00\")");
            return null;
        }
    }

    private QueueRules rules(final YamlFields top)
    {
        final YamlNode node = top.get("rules");
        if (node == null)
        {
            return QueueRules.DEFAULT;
        }
        final YamlFields f = YamlFields.of(problems, node, "rules", RULE_KEYS);
        if (f == null)
        {
            return null;
        }
        final QueueRules d = QueueRules.DEFAULT;
        final Integer[] v = {
            f.integer("promiseMinutes", 1, 240, d.promiseMinutes()),
            f.integer("escalationMinutes", 1, 240, d.escalationMinutes()),
            f.integer("priorityQuota", 1, 100, d.priorityQuota()),
            f.integer("maxCalls", 1, 10, d.maxCalls()),
            f.integer("checkInEarlyMinutes", 0, 720, d.checkInEarlyMinutes()),
            f.integer("checkInLateMinutes", 0, 240, d.checkInLateMinutes()),
            f.integer("slotMinutes", 5, 240, d.slotMinutes()),
            f.integer("appointmentSharePercent", 0, 100, d.appointmentSharePercent()),
            f.integer("travelKmPerHour", 1, 200, d.travelKmPerHour())};
        for (final Integer value : v)
        {
            if (value == null)
            {
                return null;
            }
        }
        return new QueueRules(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private ServiceDef service(final YamlFields f)
    {
        final String id = unique(f, "id", serviceIds, "service");
        final String name = f.string("name", true);
        final String agency = f.string("agency", false);
        final Integer minutes = f.integer("expectedMinutes", 1, 480, null);
        final Character prefix = prefix(f);
        final Set<PriorityClass> priorities = priorities(f);
        if (id == null || name == null || minutes == null || prefix == null || priorities == null)
        {
            return null;
        }
        return new ServiceDef(id, name, agency == null ? "" : agency, minutes, priorities, prefix);
    }

    private Character prefix(final YamlFields f)
    {
        final String text = f.string("prefix", true);
        if (text == null)
        {
            return null;
        }
        if (text.length() != 1 || text.charAt(0) < 'A' || text.charAt(0) > 'Z')
        {
            problems.add(f.get("prefix"), f.path("prefix"), "prefix must be one letter A-Z, got '" + text + "'");
            return null;
        }
        return text.charAt(0);
    }

    private Set<PriorityClass> priorities(final YamlFields f)
    {
        // every service can be queued normally; the list names the extra classes a ticket may carry
        final Set<PriorityClass> result = EnumSet.of(PriorityClass.NORMAL);
        final List<YamlNode> items = f.list("priorities", false);
        boolean valid = true;
        for (int i = 0; i < items.size(); i++)
        {
            final String path = f.path("priorities") + "[" + i + "]";
            final String text = YamlFields.text(problems, items.get(i), path);
            final PriorityClass priority = text == null ? null : PriorityClass.fromWireName(text);
            if (text != null && priority == null)
            {
                problems.add(items.get(i), path,
                    "unknown priority '" + text + "' (known: normal, accessibility, appointment)");
            }
            valid &= priority != null;
            if (priority != null)
            {
                result.add(priority);
            }
        }
        return valid ? result : null;
    }

    private CentreDef centre(final YamlFields f)
    {
        final String id = unique(f, "id", centreIds, "centre");
        final String name = f.string("name", true);
        final String district = f.string("district", false);
        final Double lat = f.decimal("lat", -90, 90);
        final Double lon = f.decimal("lon", -180, 180);
        final Boolean flagship = f.bool("flagship", false);
        final WeeklyHours week = hours.read(f.get("hours"), f.path("hours"));
        final Map<String, YamlNode> windowsSeen = new HashMap<>();
        if (id != null)
        {
            windowIds.put(id, windowsSeen);
        }
        final List<WindowDef> windows = new ArrayList<>();
        final List<YamlNode> items = f.list("windows", true);
        if (items.isEmpty() && f.get("windows") instanceof YamlNode.Sequence)
        {
            problems.add(f.get("windows"), f.path("windows"), "a centre needs at least one window");
        }
        boolean valid = true;
        for (int i = 0; i < items.size(); i++)
        {
            final YamlFields w = YamlFields.of(problems, items.get(i), f.path("windows") + "[" + i + "]", WINDOW_KEYS);
            valid &= w != null && windows(w, windowsSeen, windows);
        }
        if (!valid || id == null || name == null || lat == null || lon == null || flagship == null || week == null)
        {
            return null;
        }
        return new CentreDef(id, name, district == null ? "" : district, lat, lon, flagship, week, windows);
    }

    /** Reads one window entry, which may stand for a range of identical windows; @return whether valid. */
    private boolean windows(final YamlFields w, final Map<String, YamlNode> seen, final List<WindowDef> out)
    {
        final List<String> ids = windowIdsOf(w);
        final Map<String, Integer> skills = skills(w);
        if (ids == null)
        {
            return false;
        }
        // ids are registered even when the skills are wrong, so devices naming the window raise no extra problem
        boolean valid = skills != null;
        for (final String id : ids)
        {
            final YamlNode first = seen.putIfAbsent(id, w.node());
            if (first != null)
            {
                problems.add(w.node(), w.path(),
                    "duplicate window id '" + id + "' (first at line " + first.line() + ")");
                valid = false;
            }
            else if (skills != null)
            {
                out.add(new WindowDef(id, skills));
            }
        }
        return valid;
    }

    private List<String> windowIdsOf(final YamlFields w)
    {
        final boolean hasId = w.get("id") != null;
        final boolean hasIds = w.get("ids") != null;
        if (hasId == hasIds)
        {
            problems.add(w.node(), w.path(), "a window needs exactly one of 'id' or 'ids'");
            return null;
        }
        if (hasId)
        {
            final String id = w.id("id");
            return id == null ? null : List.of(id);
        }
        final String text = w.string("ids", true);
        if (text == null)
        {
            return null;
        }
        final Matcher m = ID_RANGE.matcher(text.trim());
        final long from = m.matches() ? Long.parseLong(m.group(1)) : -1;
        final long to = m.matches() ? Long.parseLong(m.group(2)) : -1;
        if (from < 0 || to < from || to - from >= MAX_RANGE)
        {
            problems.add(w.get("ids"), w.path("ids"), "expected a window number range like \"2-6\" (at most "
                + MAX_RANGE + " windows), got '" + text + "'");
            return null;
        }
        final List<String> ids = new ArrayList<>();
        for (long id = from; id <= to; id++)
        {
            ids.add(Long.toString(id));
        }
        return ids;
    }

    private Map<String, Integer> skills(final YamlFields w)
    {
        final YamlNode node = w.required("skills");
        if (node == null)
        {
            return null;
        }
        final YamlFields f = YamlFields.of(problems, node, w.path("skills"), null);
        if (f == null)
        {
            return null;
        }
        final YamlNode.Mapping mapping = (YamlNode.Mapping)node;
        if (mapping.keys().isEmpty())
        {
            problems.add(node, w.path("skills"), "a window needs at least one service");
            return null;
        }
        final Map<String, Integer> skills = new LinkedHashMap<>();
        for (final YamlNode.Key service : mapping.keys().values())
        {
            final Integer weight = f.integer(service.name(), 1, 10, null);
            if (!serviceIds.containsKey(service.name()))
            {
                problems.add(service.line(), service.column(), f.path(service.name()),
                    "unknown service '" + service.name() + "'");
            }
            else if (weight != null)
            {
                skills.put(service.name(), weight);
            }
        }
        return skills.size() == mapping.keys().size() ? skills : null;
    }

    private StaffDef staff(final YamlFields f)
    {
        final String id = unique(f, "id", staffIds, "staff");
        final String name = f.string("name", true);
        final String home = reference(f, "home", true, centreIds, "centre");
        final Boolean standby = f.bool("standby", false);
        final List<String> skills = new ArrayList<>();
        final List<YamlNode> items = f.list("skills", true);
        boolean valid = !items.isEmpty();
        if (items.isEmpty() && f.get("skills") instanceof YamlNode.Sequence)
        {
            problems.add(f.get("skills"), f.path("skills"), "a staff member needs at least one skill");
        }
        for (int i = 0; i < items.size(); i++)
        {
            final String path = f.path("skills") + "[" + i + "]";
            final String service = YamlFields.text(problems, items.get(i), path);
            if (service != null && !serviceIds.containsKey(service))
            {
                problems.add(items.get(i), path, "unknown service '" + service + "'");
                valid = false;
            }
            else if (service == null)
            {
                valid = false;
            }
            else
            {
                skills.add(service);
            }
        }
        if (!valid || id == null || name == null || home == null || standby == null)
        {
            return null;
        }
        return new StaffDef(id, name, home, skills, standby);
    }

    private TokenDef token(final YamlFields f)
    {
        final String token = unique(f, "token", tokenIds, "token");
        final Role role = role(f);
        final String centre = reference(f, "centre", false, centreIds, "centre");
        if (role == null || token == null || centre == null && f.get("centre") != null)
        {
            return null;
        }
        if ((role == Role.KIOSK || role == Role.TERMINAL) && centre == null)
        {
            problems.add(f.node(), f.path("centre"), wire(role) + " tokens are scoped to one centre: 'centre' is "
                + "required");
            return null;
        }
        if (role == Role.OPERATOR && centre != null)
        {
            problems.add(f.get("centre"), f.path("centre"), "operator tokens are network-wide: remove 'centre'");
            return null;
        }
        final TokenDef def = new TokenDef(token, role, centre);
        tokens.put(token, def);
        return def;
    }

    private Role role(final YamlFields f)
    {
        final String text = f.string("role", true);
        if (text == null)
        {
            return null;
        }
        for (final Role role : Role.values())
        {
            if (wire(role).equals(text))
            {
                return role;
            }
        }
        problems.add(f.get("role"), f.path("role"), "unknown role '" + text + "' (known: kiosk, terminal, "
            + "display, operator)");
        return null;
    }

    private static String wire(final Role role)
    {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private DeviceDef device(final YamlFields f)
    {
        final String id = unique(f, "id", deviceIds, "device");
        final DeviceKind kind = kind(f);
        final String centre = reference(f, "centre", true, centreIds, "centre");
        final String port = f.string("port", true);
        final Integer baud = f.integer("baud", 1, Integer.MAX_VALUE, 9600);
        if (baud != null && !BAUD_RATES.contains(baud))
        {
            problems.add(f.get("baud"), f.path("baud"), "unsupported baud rate " + baud + " (supported: "
                + BAUD_RATES_TEXT + ")");
        }
        final Integer address = f.integer("address", 0, 255, 0);
        final String window = f.get("window") == null ? null : f.id("window");
        boolean valid = window != null || f.get("window") == null;
        if (window != null && centre != null && !windowIds.get(centre).containsKey(window))
        {
            problems.add(f.get("window"), f.path("window"), "unknown window '" + window + "' in centre '"
                + centre + "'");
            valid = false;
        }
        if (window == null && f.get("window") == null
            && (kind == DeviceKind.WINDOW_DISPLAY || kind == DeviceKind.RATING_PANEL))
        {
            problems.add(f.node(), f.path("window"), "a " + kind.wireName() + " serves one window: 'window' is "
                + "required");
            valid = false;
        }
        final String kiosk = f.get("kiosk") == null ? null : kiosk(f, id, kind, centre);
        if (!valid || id == null || kind == null || centre == null || port == null || baud == null
            || !BAUD_RATES.contains(baud) || address == null || kiosk == null && f.get("kiosk") != null)
        {
            return null;
        }
        return new DeviceDef(id, kind, centre, port, baud, address, window, kiosk);
    }

    /**
     * Reads the kiosk a ticket printer sits in: a kiosk token of the printer's centre that no other printer claims.
     *
     * @return the token, or {@code null} after a problem
     */
    private String kiosk(final YamlFields f, final String id, final DeviceKind kind, final String centre)
    {
        final String token = f.string("kiosk", true);
        if (token == null)
        {
            return null;
        }
        final YamlNode at = f.get("kiosk");
        final String path = f.path("kiosk");
        final TokenDef def = tokens.get(token);
        if (kind != null && kind != DeviceKind.TICKET_PRINTER)
        {
            problems.add(at, path, "only a ticket-printer sits in a kiosk; a " + kind.wireName()
                + " cannot name one");
            return null;
        }
        if (def == null)
        {
            // a token whose entry was wrong is known and already reported
            if (!tokenIds.containsKey(token))
            {
                problems.add(at, path, "unknown token '" + token + "'");
            }
            return null;
        }
        if (def.role() != Role.KIOSK)
        {
            problems.add(at, path, "token '" + token + "' has role " + wire(def.role()) + "; a printer sits in a "
                + "kiosk, whose token has role kiosk");
            return null;
        }
        if (centre != null && !centre.equals(def.centre()))
        {
            problems.add(at, path, "kiosk '" + token + "' belongs to centre '" + def.centre() + "', not to the "
                + "printer's centre '" + centre + "'");
            return null;
        }
        final YamlNode first = id == null ? null : printerByKiosk.putIfAbsent(token, f.get("id"));
        if (first != null)
        {
            problems.add(at, path, "kiosk '" + token + "' already has a printer ('"
                + ((YamlNode.Scalar)first).text() + "' at line " + first.line() + ")");
            return null;
        }
        return token;
    }

    private DeviceKind kind(final YamlFields f)
    {
        final String text = f.string("kind", true);
        final DeviceKind kind = text == null ? null : DeviceKind.fromWireName(text);
        if (text != null && kind == null)
        {
            problems.add(f.get("kind"), f.path("kind"), "unknown device kind '" + text + "' (known: ticket-printer, "
                + "window-display, hall-board, rating-panel)");
        }
        return kind;
    }

    /** Reads an id field that must be unique among {@code seen}; @return the id, or {@code null}. */
    private String unique(final YamlFields f, final String key, final Map<String, YamlNode> seen, final String what)
    {
        final String id = f.id(key);
        if (id == null)
        {
            return null;
        }
        final YamlNode first = seen.putIfAbsent(id, f.get(key));
        if (first != null)
        {
            problems.add(f.get(key), f.path(key), "duplicate " + what + " id '" + id + "' (first at line "
                + first.line() + ")");
            return null;
        }
        return id;
    }

    /** Reads a field naming an existing entity; @return the id, or {@code null} when absent or unknown. */
    private String reference(final YamlFields f, final String key, final boolean required,
        final Map<String, YamlNode> known, final String what)
    {
        final String id = f.string(key, required);
        if (id != null && !known.containsKey(id))
        {
            problems.add(f.get(key), f.path(key), "unknown " + what + " '" + id + "'");
            return null;
        }
        return id;
    }
}

package okno.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads opening hours: either one range for every day ({@code "08:00-20:00"}) or a mapping with an optional
 * {@code default} and per-day keys {@code mon..sun} that override it; a day value is {@code "HH:MM-HH:MM"} or
 * {@code closed}. Days with neither their own key nor a default are closed.
 */
final class HoursReader
{
    /** Hours of a centre whose configuration gives none: the reference network's 08:00-20:00 every day. */
    static final WeeklyHours DEFAULT = WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60));

    private static final String CLOSED = "closed";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> KEYS = List.of("default", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private final Problems problems;

    HoursReader(final Problems problems)
    {
        this.problems = problems;
    }

    /** @return the weekly hours, {@link #DEFAULT} when {@code node} is null, or {@code null} when invalid. */
    WeeklyHours read(final YamlNode node, final String path)
    {
        if (node == null)
        {
            return DEFAULT;
        }
        if (node instanceof YamlNode.Scalar)
        {
            final Day day = day(node, path);
            return day == null ? null : WeeklyHours.everyDay(day.hours);
        }
        final YamlFields fields = YamlFields.of(problems, node, path, KEYS);
        if (fields == null)
        {
            return null;
        }
        boolean valid = true;
        Day fallback = Day.CLOSED_DAY;
        if (fields.get("default") != null)
        {
            fallback = day(fields.get("default"), fields.path("default"));
            valid = fallback != null;
        }
        final List<DayHours> week = new ArrayList<>(Collections.nCopies(7, null));
        for (int i = 0; i < DAYS.size(); i++)
        {
            final YamlNode own = fields.get(DAYS.get(i));
            final Day day = own == null ? fallback : day(own, fields.path(DAYS.get(i)));
            if (day == null)
            {
                valid = false;
                continue;
            }
            week.set(i, day.hours);
        }
        return valid ? new WeeklyHours(week) : null;
    }

    private Day day(final YamlNode node, final String path)
    {
        final String text = YamlFields.text(problems, node, path);
        if (text == null)
        {
            return null;
        }
        if (CLOSED.equals(text.trim()))
        {
            return Day.CLOSED_DAY;
        }
        final Matcher m = RANGE.matcher(text.trim());
        if (!m.matches())
        {
            problems.add(node, path, "expected 'HH:MM-HH:MM' or 'closed', got '" + text + "'");
            return null;
        }
        final int open = minute(node, path, text, m.group(1), m.group(2));
        final int close = minute(node, path, text, m.group(3), m.group(4));
        if (open < 0 || close < 0)
        {
            return null;
        }
        if (open >= close)
        {
            problems.add(node, path, "in '" + text + "' the opening time is not before the closing time");
            return null;
        }
        return new Day(new DayHours(open, close));
    }

    private int minute(final YamlNode node, final String path, final String text, final String hh, final String mm)
    {
        final int hours = Integer.parseInt(hh);
        final int minutes = Integer.parseInt(mm);
        if (hours > 24 || minutes > 59 || hours == 24 && minutes > 0)
        {
            problems.add(node, path, "in '" + text + "' " + hh + ":" + mm + " is not a time of day (00:00..24:00)");
            return -1;
        }
        return hours * 60 + minutes;
    }

    /** A parsed day value; {@code hours == null} means closed. */
    private record Day(DayHours hours)
    {
        static final Day CLOSED_DAY = new Day(null);
    }
}

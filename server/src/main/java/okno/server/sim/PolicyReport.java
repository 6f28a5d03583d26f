package okno.server.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report of a simulation run: a console table, and a directory with {@code summary.csv},
 * {@code wait_by_hour.csv}, {@code queue_by_centre.csv}, {@code staff_moves.csv}, three hand-written SVG plots
 * and an {@code index.html} that shows them. Output depends only on the results (no wall-clock times in files),
 * so the same seed writes the same files.
 */
public final class PolicyReport
{
    private final SimSettings settings;
    private final List<PolicyStats> results;
    private final ErlangBound bound;

    /** A report of finished results. */
    public PolicyReport(final SimSettings settings, final List<PolicyStats> results, final ErlangBound bound)
    {
        this.settings = settings;
        this.results = List.copyOf(results);
        this.bound = bound;
    }

    /** @return the console table: one row per policy and the Erlang-C row, with wall time per day. */
    public String table()
    {
        return table(true);
    }

    private String table(final boolean timing)
    {
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "network %s, %d day(s) from %s, seed %d, %,d visitors/Tuesday, "
            + "demand surprise sigma %.2f%n", settings.network().name(), settings.days(), settings.startDate(),
            settings.seed(), settings.visitorsPerDay(), settings.surprise()));
        b.append(String.format(Locale.ROOT,
            "%-14s %6s %5s %9s %7s %7s %10s %7s %10s %7s %10s %6s %6s %7s %8s %8s %7s %9s %8s%n",
            "policy", "beta", "pool", "visitors", "mean", "p95", "P(>15m)", "coffee", "staff-h/d", "pool-h",
            "window-h/d", "util",
            "moves", "returns", "ETA-MAE", "ETA-bias", "goals", timing ? "wall-s/d" : "", timing ? "cpu-s/d" : ""));
        for (final PolicyStats s : results)
        {
            b.append(String.format(Locale.ROOT,
                "%-14s %6.2f %5d %9d %6.2fm %6.1fm %10.5f %7d %10.0f %7.0f %10.0f %5.1f%% %6d %7d %7.2fm %7.2fm %7s %9s "
                    + "%8s%n",
                s.policy.publicName(), s.staffing, s.standby, s.visitors / Math.max(1, s.days), s.meanWaitMinutes(),
                s.quantileMinutes(0.95), s.overPromiseShare(), s.overPromise + s.unserved, s.staffHoursPerDay(),
                s.poolHoursPerDay(), s.windowHoursPerDay(), 100 * s.utilisation(), s.moves, s.returns, s.etaMeanAbsErrorMinutes(),
                s.etaBiasMinutes(), s.meetsTargets() ? "met" : "missed",
                timing ? String.format(Locale.ROOT, "%.2f", s.wallNanos / 1e9 / Math.max(1, s.days)) : "",
                timing ? String.format(Locale.ROOT, "%.2f", s.cpuNanos / 1e9 / Math.max(1, s.days)) : ""));
        }
        b.append(String.format(Locale.ROOT,
            "%-14s %6s %5s %9s %7s %7s %10s %7s %10s %7s %10.0f  (bound: per centre and hour one M/M/c queue of all "
                + "services, realised load, fewest windows for the goals)%n",
            "erlang-c", "", "", "", "", "", "", "", "", "", bound.staffHoursPerDay()));
        b.append(String.format(Locale.ROOT,
            "%-14s %6.2f %5s %9s %7s %7s %10.5f %7s %10s %7s %10.0f  (the beta plan's windows as M/M/c queues under "
                + "the realised load)%n",
            "erlang-c plan", settings.staffingBeta(), "", "", Double.isInfinite(bound.meanWaitMinutes()) ? "overload"
                : String.format(Locale.ROOT, "%.2fm", bound.meanWaitMinutes()), "", bound.overPromiseShare(), "", "",
            "", bound.plannedHoursPerDay()));
        final PolicyStats first = results.get(0);
        for (final PolicyStats s : results)
        {
            b.append(String.format(Locale.ROOT, "%s: goals %s; staff-hours %+.1f%% vs %s; window-hours %+.1f%% vs the "
                    + "Erlang-C bound", s.policy.publicName(), s.meetsTargets() ? "met" : "missed",
                100 * (s.staffHoursPerDay() / first.staffHoursPerDay() - 1), first.policy.publicName(),
                100 * (s.windowHoursPerDay() / bound.staffHoursPerDay() - 1)));
            if (s.redirected > 0)
            {
                b.append(String.format(Locale.ROOT, "; %d visitors took a nearby centre (trip %.1f min on average)",
                    s.redirected, s.redirectTravelMs / 60_000.0 / s.redirected));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes the report directory (created if needed; files replaced). */
    public void write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.csv"), summaryCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("wait_by_hour.csv"), waitByHourCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("queue_by_centre.csv"), queueCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("staff_moves.csv"), movesCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("wait_by_hour.svg"), Svg.waitByHour(results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("queue_by_centre.svg"), Svg.queueByCentre(results.get(results.size() - 1),
            settings.network()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("staff_moves.svg"), Svg.movesByHour(results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(), StandardCharsets.UTF_8);
    }

    private String summaryCsv()
    {
        final StringBuilder b = new StringBuilder("policy,beta,days,visitors,called,mean_wait_min,p50_min,p95_min,"
            + "p99_min,max_min,over_15_share,coffee,staff_hours_per_day,window_hours_per_day,utilisation,moves,returns,"
            + "eta_mae_min,eta_bias_min,mean_rating,goals_met,standby,pool_hours_per_day,never_called\n");
        for (final PolicyStats s : results)
        {
            b.append(String.format(Locale.ROOT, "%s,%.3f,%d,%d,%d,%.3f,%.2f,%.2f,%.2f,%.2f,%.6f,%d,%.1f,%.1f,%.4f,%d,"
                + "%d,%.3f,%.3f,%.3f,%s,%d,%.1f,%d%n", s.policy.publicName(), s.staffing, s.days, s.visitors, s.waited,
                s.meanWaitMinutes(), s.quantileMinutes(0.5), s.quantileMinutes(0.95), s.quantileMinutes(0.99),
                s.maxWaitMs / 60_000.0, s.overPromiseShare(), s.overPromise + s.unserved, s.staffHoursPerDay(),
                s.windowHoursPerDay(), s.utilisation(), s.moves, s.returns, s.etaMeanAbsErrorMinutes(),
                s.etaBiasMinutes(),
                s.ratings == 0 ? 0.0 : s.ratingSum / (double)s.ratings, s.meetsTargets(), s.standby,
                s.poolHoursPerDay(), s.unserved));
        }
        b.append(String.format(Locale.ROOT, "erlang-c,%.3f,%d,,,%.3f,,,,,%.6f,,,%.1f,,,,,,,,,,%n",
            settings.staffingBeta(), settings.days(), bound.meanWaitMinutes(), bound.overPromiseShare(),
            bound.plannedHoursPerDay()));
        b.append(String.format(Locale.ROOT, "erlang-c-goals,,%d,,,,,,,,,,,%.1f,,,,,,,,,,%n", settings.days(),
            bound.staffHoursPerDay()));
        return b.toString();
    }

    private String waitByHourCsv()
    {
        final StringBuilder b = new StringBuilder("policy,hour,called,mean_wait_min,over_15\n");
        for (final PolicyStats s : results)
        {
            for (int h = 0; h < 24; h++)
            {
                if (s.byHourCount[h] > 0)
                {
                    b.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%d%n", s.policy.publicName(), h,
                        s.byHourCount[h], s.byHourWaitMs[h] / (double)s.byHourCount[h] / 60_000.0, s.byHourOver[h]));
                }
            }
        }
        return b.toString();
    }

    private String queueCsv()
    {
        final StringBuilder b = new StringBuilder("policy,centre,time,waiting\n");
        for (final PolicyStats s : results)
        {
            for (int c = 0; c < s.queueSamples.length; c++)
            {
                for (int k = 0; k < PolicyStats.SAMPLES_PER_DAY; k++)
                {
                    if (s.queueSamples[c][k] > 0)
                    {
                        b.append(s.policy.publicName()).append(',').append(settings.network().centres().get(c).id())
                            .append(',').append(String.format(Locale.ROOT, "%02d:%02d", k / 4, k % 4 * 15))
                            .append(',').append(s.queueSamples[c][k]).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private String movesCsv()
    {
        final StringBuilder b = new StringBuilder("policy,day,time,staff,from,to\n");
        for (final PolicyStats s : results)
        {
            for (final int[] m : s.moveLog)
            {
                b.append(String.format(Locale.ROOT, "%s,%d,%02d:%02d,%s,%s,%s%n", s.policy.publicName(), m[4],
                    m[0] / 60, m[0] % 60, settings.network().staff().get(m[1]).id(),
                    settings.network().centres().get(m[2]).id(), settings.network().centres().get(m[3]).id()));
            }
        }
        return b.toString();
    }

    private String html()
    {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>okno simulation</title>"
            + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style></head>\n"
            + "<body><h1>okno simulation: " + settings.network().name() + "</h1>\n<pre>" + escape(table(false))
            + "</pre>\n<h2>Mean wait by hour of arrival</h2><img src=\"wait_by_hour.svg\" alt=\"wait by hour\">\n"
            + "<h2>Queue length by centre (" + results.get(results.size() - 1).policy.publicName()
            + ", last day)</h2><img src=\"queue_by_centre.svg\" alt=\"queue by centre\">\n"
            + "<h2>Staff moves by hour</h2><img src=\"staff_moves.svg\" alt=\"staff moves\">\n"
            + "<p>CSV: <a href=\"summary.csv\">summary</a>, <a href=\"wait_by_hour.csv\">wait by hour</a>, "
            + "<a href=\"queue_by_centre.csv\">queue by centre</a>, <a href=\"staff_moves.csv\">staff moves</a>.</p>"
            + "\n</body></html>\n";
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package okno.server.sim;

import okno.config.NetworkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written SVG line and bar charts for the simulation report: fixed size, axes, a legend, no scripts. */
final class Svg
{
    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 160;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private Svg()
    {
    }

    /** @return mean wait (minutes) by hour of arrival, one line per policy. */
    static String waitByHour(final List<PolicyStats> results)
    {
        final List<String> names = new ArrayList<>();
        final List<double[]> series = new ArrayList<>();
        for (final PolicyStats s : results)
        {
            final double[] y = new double[24];
            for (int h = 0; h < 24; h++)
            {
                y[h] = s.byHourCount[h] == 0 ? Double.NaN : s.byHourWaitMs[h] / (double)s.byHourCount[h] / 60_000.0;
            }
            names.add(s.policy.publicName());
            series.add(y);
        }
        return lines("hour of arrival", "mean wait, min", names, series, 1.0);
    }

    /** @return waiting tickets through the last day for the ten centres with the longest peak queue. */
    static String queueByCentre(final PolicyStats s, final NetworkConfig network)
    {
        final int centres = s.queueSamples.length;
        final Integer[] order = new Integer[centres];
        for (int c = 0; c < centres; c++)
        {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(peak(s.queueSamples[b]), peak(s.queueSamples[a])) != 0
            ? Integer.compare(peak(s.queueSamples[b]), peak(s.queueSamples[a])) : Integer.compare(a, b));
        final List<String> names = new ArrayList<>();
        final List<double[]> series = new ArrayList<>();
        for (int k = 0; k < Math.min(10, centres); k++)
        {
            final int[] samples = s.queueSamples[order[k]];
            final double[] y = new double[samples.length];
            for (int i = 0; i < samples.length; i++)
            {
                y[i] = samples[i];
            }
            names.add(network.centres().get(order[k]).id());
            series.add(y);
        }
        return lines("hour of day", "waiting tickets", names, series, 0.25);
    }

    /** @return staff moves started in each hour, one bar group per policy. */
    static String movesByHour(final List<PolicyStats> results)
    {
        final List<String> names = new ArrayList<>();
        final List<double[]> series = new ArrayList<>();
        for (final PolicyStats s : results)
        {
            final double[] y = new double[24];
            for (final int[] m : s.moveLog)
            {
                y[Math.min(23, m[0] / 60)]++;
            }
            names.add(s.policy.publicName());
            series.add(y);
        }
        return lines("hour of day", "staff moves", names, series, 1.0);
    }

    private static int peak(final int[] samples)
    {
        int max = 0;
        for (final int v : samples)
        {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Lines over x = index x step (hours), y from 0 to the largest value. */
    private static String lines(final String xLabel, final String yLabel, final List<String> names,
        final List<double[]> series, final double step)
    {
        double max = 0;
        for (final double[] y : series)
        {
            for (final double v : y)
            {
                if (!Double.isNaN(v))
                {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.05;
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
            + "stroke=\"#888\"/>%n", LEFT, TOP, plotW, plotH));
        for (int h = 0; h <= 24; h += 2)
        {
            final double x = LEFT + plotW * h / 24.0;
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
                HEIGHT - BOTTOM + 14, h));
        }
        for (int k = 0; k <= 4; k++)
        {
            final double y = TOP + plotH - plotH * k / 4.0;
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
                LEFT - 4, y + 4, max * k / 4));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                LEFT, y, LEFT + plotW, y));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            LEFT + plotW / 2, HEIGHT - 6, xLabel));
        b.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
            + "text-anchor=\"middle\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, yLabel));
        for (int i = 0; i < series.size(); i++)
        {
            final String colour = COLOURS[i % COLOURS.length];
            final StringBuilder points = new StringBuilder();
            final double[] y = series.get(i);
            for (int k = 0; k < y.length; k++)
            {
                if (!Double.isNaN(y[k]))
                {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotW * (k * step) / 24.0,
                        TOP + plotH - plotH * y[k] / max));
                }
            }
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                + "points=\"%s\"/>%n", colour, points.toString().trim()));
            final int ly = TOP + 14 + 16 * i;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"3\"/>%n", WIDTH - RIGHT + 10, ly - 4, WIDTH - RIGHT + 30, ly - 4, colour));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 34, ly,
                names.get(i)));
        }
        return b.append("</svg>\n").toString();
    }
}

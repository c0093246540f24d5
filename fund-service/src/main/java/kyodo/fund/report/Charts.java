package kyodo.fund.report;

import kyodo.fund.document.Yen;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fund report's charts as inline SVG; each page shows the same figures in a table beside the chart. */
final class Charts {
    private static final int WIDTH = 640;

    private Charts() {
    }

    /** Where the money came from, which designation it went to, and which groups were paid from each. */
    static String flow(FundReport report, Labels labels) {
        Map<String, Long> sources = new LinkedHashMap<>();
        Map<String, Long> designations = new LinkedHashMap<>();
        Map<String, Long> targets = new LinkedHashMap<>();
        List<String[]> links = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        String kept = labels.text("fund.report.chart.kept");
        report.inBySourceAndDesignation().forEach((source, byDesignation) -> byDesignation.forEach((d, amount) -> {
            if (amount > 0) {
                sources.merge(labels.sourceType(source), amount, Long::sum);
                designations.merge(labels.designation(d), amount, Long::sum);
                links.add(new String[] {"s:" + labels.sourceType(source), "d:" + labels.designation(d)});
                amounts.add(amount);
            }
        }));
        Map<String, Long> paidFrom = new LinkedHashMap<>();
        report.outByDesignationAndGroup().forEach((d, byGroup) -> byGroup.forEach((group, amount) -> {
            designations.putIfAbsent(labels.designation(d), 0L);
            paidFrom.merge(labels.designation(d), amount, Long::sum);
            targets.merge(report.groupName(group), amount, Long::sum);
            links.add(new String[] {"d:" + labels.designation(d), "t:" + report.groupName(group)});
            amounts.add(amount);
        }));
        designations.forEach((d, in) -> {
            long rest = in - paidFrom.getOrDefault(d, 0L);
            if (rest > 0) {
                targets.merge(kept, rest, Long::sum);
                links.add(new String[] {"d:" + d, "t:" + kept});
                amounts.add(rest);
            }
        });
        designations.replaceAll((d, in) -> Math.max(in, paidFrom.getOrDefault(d, 0L)));
        String title = labels.text("fund.report.chart.flow.title");
        String description = labels.text("fund.report.chart.flow.description");
        int rows = Math.max(Math.max(sources.size(), designations.size()), Math.max(targets.size(), 1));
        int height = Math.max(220, rows * 48 + 40);
        Svg svg = new Svg("chart-flow", WIDTH, height, title, description);
        long scaleTotal = Math.max(1, Math.max(sum(sources), Math.max(sum(designations), sum(targets))));
        double usable = height - 40 - rows * 8.0;
        Map<String, double[]> nodes = new LinkedHashMap<>();
        column(svg, sources, "s:", 10, usable, scaleTotal, nodes, 0, "start");
        column(svg, designations, "d:", 300, usable, scaleTotal, nodes, 2, "middle");
        column(svg, targets, "t:", 590, usable, scaleTotal, nodes, 4, "end");
        Map<String, Double> outOffset = new LinkedHashMap<>();
        Map<String, Double> inOffset = new LinkedHashMap<>();
        for (int i = 0; i < links.size(); i++) {
            double[] from = nodes.get(links.get(i)[0]);
            double[] to = nodes.get(links.get(i)[1]);
            double h = amounts.get(i) * usable / scaleTotal;
            double y0 = from[1] + outOffset.merge(links.get(i)[0], h, Double::sum) - h;
            double y1 = to[1] + inOffset.merge(links.get(i)[1], h, Double::sum) - h;
            double x0 = from[0] + 40;
            double x1 = to[0];
            double xm = (x0 + x1) / 2;
            String d = "M" + Svg.n(x0) + " " + Svg.n(y0) + " C" + Svg.n(xm) + " " + Svg.n(y0) + " " + Svg.n(xm) + " "
                    + Svg.n(y1) + " " + Svg.n(x1) + " " + Svg.n(y1) + " L" + Svg.n(x1) + " " + Svg.n(y1 + h) + " C"
                    + Svg.n(xm) + " " + Svg.n(y1 + h) + " " + Svg.n(xm) + " " + Svg.n(y0 + h) + " " + Svg.n(x0) + " "
                    + Svg.n(y0 + h) + " Z";
            svg.path(d, Svg.colour(i), 0.35, links.get(i)[0].substring(2) + " → " + links.get(i)[1].substring(2)
                    + ": " + Yen.format(amounts.get(i)));
        }
        return svg.end();
    }

    private static void column(Svg svg, Map<String, Long> nodes, String prefix, double x, double usable,
                               long scaleTotal, Map<String, double[]> positions, int colourOffset, String anchor) {
        double y = 20;
        int i = 0;
        for (Map.Entry<String, Long> node : nodes.entrySet()) {
            double h = Math.max(2, node.getValue() * usable / scaleTotal);
            svg.rect(x, y, 40, h, Svg.colour(colourOffset + i), node.getKey() + ": " + Yen.format(node.getValue()));
            double labelX = anchor.equals("start") ? x + 44 : anchor.equals("end") ? x - 4 : x + 20;
            svg.text(labelX, y + Math.min(h, 24) / 2 + 5, node.getKey(), anchor, 12);
            positions.put(prefix + node.getKey(), new double[] {x, y});
            y += h + 8 + Math.max(0, 14 - h);
            i++;
        }
    }

    /** Money in and out per month, side by side. */
    static String monthly(FundReport report, Labels labels) {
        Map<YearMonth, Long> in = report.inByMonth();
        Map<YearMonth, Long> out = report.outByMonth();
        String title = labels.text("fund.report.chart.monthly.title");
        String description = labels.text("fund.report.chart.monthly.description");
        int height = 260;
        Svg svg = new Svg("chart-monthly", WIDTH, height, title, description);
        long max = 1;
        for (YearMonth m : report.months()) {
            max = Math.max(max, Math.max(in.getOrDefault(m, 0L), out.getOrDefault(m, 0L)));
        }
        double plot = height - 50;
        double slot = (WIDTH - 40) / 12.0;
        svg.line(30, 10 + plot, WIDTH - 10, 10 + plot, "#555");
        int i = 0;
        for (YearMonth m : report.months()) {
            double x = 35 + i * slot;
            double hIn = Math.max(0, in.getOrDefault(m, 0L)) * plot / max;
            double hOut = out.getOrDefault(m, 0L) * plot / max;
            svg.rect(x, 10 + plot - hIn, slot * 0.4, hIn, Svg.colour(0),
                    labels.text("fund.report.chart.monthly.in", labels.month(m), Yen.format(in.getOrDefault(m, 0L))));
            svg.rect(x + slot * 0.42, 10 + plot - hOut, slot * 0.4, hOut, Svg.colour(1),
                    labels.text("fund.report.chart.monthly.out", labels.month(m), Yen.format(out.getOrDefault(m, 0L))));
            svg.text(x + slot * 0.41, height - 22, labels.shortMonth(m), "middle", 11);
            i++;
        }
        svg.rect(40, height - 14, 10, 10, Svg.colour(0), null);
        svg.text(54, height - 5, labels.text("fund.report.chart.monthly.legend.in"), "start", 11);
        svg.rect(200, height - 14, 10, 10, Svg.colour(1), null);
        svg.text(214, height - 5, labels.text("fund.report.chart.monthly.legend.out"), "start", 11);
        return svg.end();
    }

    /** Each designation's balance at the end of each month, and their total. */
    static String balances(FundReport report, Labels labels) {
        Map<YearMonth, Map<String, Long>> series = report.balancesByMonth();
        String title = labels.text("fund.report.chart.balances.title");
        String description = labels.text("fund.report.chart.balances.description");
        int height = 260;
        Svg svg = new Svg("chart-balances", WIDTH, height, title, description);
        List<String> designations = new ArrayList<>(report.openingBalances().keySet());
        long max = 1;
        for (Map<String, Long> month : series.values()) {
            max = Math.max(max, month.values().stream().mapToLong(Long::longValue).sum());
        }
        double plot = height - 70;
        double step = (WIDTH - 60) / 11.0;
        svg.line(30, 10 + plot, WIDTH - 10, 10 + plot, "#555");
        List<String> lines = new ArrayList<>(designations);
        lines.add("");
        for (int d = 0; d < lines.size(); d++) {
            StringBuilder points = new StringBuilder();
            int i = 0;
            for (Map.Entry<YearMonth, Map<String, Long>> month : series.entrySet()) {
                long value = lines.get(d).isEmpty()
                        ? month.getValue().values().stream().mapToLong(Long::longValue).sum()
                        : month.getValue().getOrDefault(lines.get(d), 0L);
                points.append(Svg.n(40 + i * step)).append(',').append(Svg.n(10 + plot - value * plot / max))
                        .append(' ');
                i++;
            }
            svg.polyline(points.toString().trim(), lines.get(d).isEmpty() ? "#222" : Svg.colour(d),
                    lines.get(d).isEmpty() ? 3 : 2);
        }
        int i = 0;
        for (YearMonth m : series.keySet()) {
            svg.text(40 + i * step, 10 + plot + 16, labels.shortMonth(m), "middle", 11);
            i++;
        }
        double legendX = 30;
        for (int d = 0; d < lines.size(); d++) {
            String name = lines.get(d).isEmpty() ? labels.text("fund.report.chart.balances.total")
                    : labels.designation(lines.get(d));
            svg.rect(legendX, height - 24, 10, 10, lines.get(d).isEmpty() ? "#222" : Svg.colour(d), null);
            svg.text(legendX + 14, height - 15, name, "start", 10);
            legendX += 20 + textWidth(name);
            if (legendX > WIDTH - 60) {
                break;
            }
        }
        return svg.end();
    }

    /** About how wide a label is drawn at 10px: a Japanese character takes a full square, a Latin one about half. */
    private static int textWidth(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 10 : 6).sum();
    }

    private static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }
}

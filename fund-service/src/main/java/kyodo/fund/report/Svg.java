package kyodo.fund.report;

/**
 * A small builder of inline SVG as text: charts are drawn on the server (no script, nothing from elsewhere), with
 * a title and description that screen readers announce. Every text that comes from data is escaped.
 */
final class Svg {
    static final String[] COLOURS = {"#1b6ca8", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d",
            "#b7950b"};

    private final StringBuilder out = new StringBuilder();

    Svg(String id, int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"").append(escape(id))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" aria-labelledby=\"")
                .append(escape(id)).append("-title ").append(escape(id)).append("-desc\">")
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description))
                .append("</desc>");
    }

    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    Svg rect(double x, double y, double width, double height, String fill, String label) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append("\">");
        if (label != null) {
            out.append("<title>").append(escape(label)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg path(String d, String fill, double opacity, String label) {
        out.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\" fill-opacity=\"")
                .append(n(opacity)).append("\">");
        if (label != null) {
            out.append("<title>").append(escape(label)).append("</title>");
        }
        out.append("</path>");
        return this;
    }

    Svg polyline(String points, String stroke, double width) {
        out.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append("\"/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\"/>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(size)
                .append("\" text-anchor=\"").append(anchor).append("\" fill=\"#222\">").append(escape(text))
                .append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

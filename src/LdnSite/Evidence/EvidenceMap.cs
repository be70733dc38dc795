namespace LdnSite.Evidence;

using System.Globalization;
using System.Net;
using System.Text;

/// <summary>
/// The evidence map: an SVG drawn at build time (no script, so it works offline and in print)
/// that places each study by year (across) and number of participants (up, on a log scale),
/// with a mark shaped by design and a label naming the study. Each mark links to the study's
/// entry in the table below it, which is the map's text alternative. Colours come from CSS
/// custom properties, so the map follows light and dark themes.
/// </summary>
public static class EvidenceMap
{
    private const int Width = 720;
    private const int Height = 380;
    private const int Left = 64;
    private const int Right = 24;
    private const int NoCountBand = 34;
    private const int Top = 24;
    private const int Bottom = 56;

    // Placing a label checks it against every label and mark placed before it; past this many
    // studies, labels would cover the chart anyway.
    private const int MaxLabels = 100;

    /// <summary>The SVG markup for <paramref name="studies"/> (studies with a year; drug information is left out).</summary>
    public static string Svg(IReadOnlyList<StudyFacts> studies, Func<StudyFacts, string> link)
    {
        var shown = studies.Where(s => s.IsStudy).OrderBy(s => s.Year).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"evidence-map\" viewBox=\"0 0 {Width} {Height}\" role=\"group\" aria-labelledby=\"evidence-map-title evidence-map-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"evidence-map-title\">Evidence map: studies by year and size</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"evidence-map-desc\">{shown.Count} studies placed by year of publication (across) and number of participants (up, log scale); the shape shows the design. The table below lists the same studies.</desc>");
        if (shown.Count == 0)
        {
            return svg.Append("</svg>").ToString();
        }

        var firstYear = shown.Min(s => s.Year) - 1;
        var lastYear = shown.Max(s => s.Year) + 1;
        var maxCount = Math.Max(10, shown.Max(s => s.ParticipantCount));
        var topPower = (int)Math.Ceiling(Math.Log10(maxCount));
        double X(int year) => Left + ((year - firstYear) / (double)(lastYear - firstYear) * (Width - Left - Right));
        // Studies that give no head count (most reviews) sit on their own band below the scale, not at "1".
        var axisBottom = Height - Bottom - NoCountBand;
        double Y(int count) => count < 1 ? Height - Bottom - 12 : axisBottom - (Math.Log10(count) / topPower * (axisBottom - Top));

        // Axes and grid.
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"evidence-map__axes\"><line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"evidence-map__grid\" x1=\"{Left}\" y1=\"{axisBottom + (NoCountBand / 2)}\" x2=\"{Width - Right}\" y2=\"{axisBottom + (NoCountBand / 2)}\"/><text x=\"{Left - 8}\" y=\"{Height - Bottom - 8}\" text-anchor=\"end\">no count</text>");
        for (var power = 0; power <= topPower; power++)
        {
            var count = (int)Math.Pow(10, power);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"evidence-map__grid\" x1=\"{Left}\" y1=\"{Y(count):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(count):0.#}\"/><text x=\"{Left - 8}\" y=\"{Y(count) + 4:0.#}\" text-anchor=\"end\">{count.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }

        var step = Math.Max(1, (lastYear - firstYear) / 8);
        for (var year = firstYear + 1; year < lastYear; year += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(year):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{year}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">Year published</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">People in the study</text></g>");

        // One mark per study; studies in the same year and size are nudged apart so none hides
        // another (rightwards, then leftwards at the chart's edge), a few places at most: where a
        // spot is that crowded, marks stack, and the table below lists every study.
        var marks = new List<(double X, double Y)>();
        var placed = new MarkGrid();
        foreach (var study in shown)
        {
            var (x, y) = placed.FreePlace(X(study.Year), Y(study.ParticipantCount), Left + 8, Width - Right - 8);
            placed.Add(x, y);
            marks.Add((x, y));
        }

        var labels = new List<(double X1, double Y1, double X2, double Y2)>();
        // A label names each study while the map is readable; beyond that, the marks' titles and the table do.
        var labelled = shown.Count <= MaxLabels;
        for (var i = 0; i < shown.Count; i++)
        {
            var study = shown[i];
            var (x, y) = marks[i];
            var (labelX, labelY, anchor) = labelled ? PlaceLabel(study.ShortName, x, y, labels, marks) : (0, 0, "");
            var label = $"{study.ShortName}: {study.Design}, {(study.ParticipantCount > 0 ? StudyFacts.People(study.ParticipantCount) : "no head count")}, {string.Join(", ", study.Conditions)}";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(link(study))}\" class=\"evidence-map__study evidence-map__study--{study.DesignName}\"><title>{WebUtility.HtmlEncode(label)}</title>");
            svg.Append(Mark(study.DesignName, x, y));
            if (labelled)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX:0.#}\" y=\"{labelY:0.#}\" text-anchor=\"{anchor}\" class=\"evidence-map__label\">{WebUtility.HtmlEncode(study.ShortName)}</text>");
            }

            svg.Append("</a>");
        }

        return svg.Append("</svg>").ToString();
    }

    // Tries right-above, right-below, left-above and left-below of the mark; keeps labels inside the chart and off other labels and marks.
    private static (double X, double Y, string Anchor) PlaceLabel(string text, double x, double y, List<(double X1, double Y1, double X2, double Y2)> taken, List<(double X, double Y)> marks)
    {
        var width = text.Length * 6.2;
        var candidates = new List<(double, double, string)>();
        foreach (var dy in new[] { -8, 16, -20, 28, -32, 40 })
        {
            candidates.Add((x + 9, y + dy, "start"));
            candidates.Add((x - 9, y + dy, "end"));
        }

        foreach (var (cx, cy, anchor) in candidates)
        {
            var x1 = anchor == "start" ? cx : cx - width;
            var box = (X1: x1, Y1: cy - 11, X2: x1 + width, Y2: cy + 2);
            var inside = box.X1 >= Left + 2 && box.X2 <= Width - 2 && box.Y1 >= 0 && box.Y2 <= Height - Bottom;
            var clear = !taken.Any(t => t.X1 < box.X2 && box.X1 < t.X2 && t.Y1 < box.Y2 && box.Y1 < t.Y2)
                && !marks.Any(m => m.X + 8 > box.X1 && m.X - 8 < box.X2 && m.Y + 8 > box.Y1 && m.Y - 8 < box.Y2);
            if (inside && clear)
            {
                taken.Add(box);
                return (cx, cy, anchor);
            }
        }

        var fallback = x > Width / 2 ? (x - 9, y - 8, "end") : (x + 9, y - 8, "start");
        return fallback;
    }

    private static string Mark(string design, double x, double y) => design switch
    {
        "systematic-review" => Format($"<polygon points=\"{x:0.#},{y - 8:0.#} {x + 8:0.#},{y:0.#} {x:0.#},{y + 8:0.#} {x - 8:0.#},{y:0.#}\"/>"),
        "randomised-controlled" => Format($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"7\"/>"),
        "randomised-crossover" => Format($"<rect x=\"{x - 6:0.#}\" y=\"{y - 6:0.#}\" width=\"12\" height=\"12\"/>"),
        "open-label" => Format($"<polygon points=\"{x:0.#},{y - 8:0.#} {x + 8:0.#},{y + 6:0.#} {x - 8:0.#},{y + 6:0.#}\"/>"),
        "narrative-review" => Format($"<circle class=\"evidence-map__ring\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"6\"/>"),
        _ => Format($"<path d=\"M{x - 6:0.#} {y - 6:0.#}L{x + 6:0.#} {y + 6:0.#}M{x + 6:0.#} {y - 6:0.#}L{x - 6:0.#} {y + 6:0.#}\"/>"),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Marks placed so far, by 14-pixel cell, so finding a free place looks only at the cells
    /// around it: a scan of every mark for every nudge made 60,000 studies in one year and size
    /// take many minutes (cubic).
    /// </summary>
    private sealed class MarkGrid
    {
        private const double Cell = 14;
        private const int MaxNudges = 8;
        private readonly Dictionary<(int, int), List<(double X, double Y)>> _cells = [];

        public void Add(double x, double y)
        {
            var key = ((int)Math.Floor(x / Cell), (int)Math.Floor(y / Cell));
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add((x, y));
        }

        // The first of x, x+14, x+28… (then x-14, x-28… once the right edge is reached) where no
        // mark is closer than 14 in both directions; after MaxNudges tries, the last place tried.
        public (double X, double Y) FreePlace(double x, double y, double left, double right)
        {
            var start = Math.Clamp(x, left, right);
            var candidate = start;
            var step = Cell;
            for (var tries = 0; tries < MaxNudges && Taken(candidate, y); tries++)
            {
                if (candidate + step > right && step > 0)
                {
                    step = -Cell;
                    candidate = start;
                }

                candidate = Math.Clamp(candidate + step, left, right);
            }

            return (candidate, y);
        }

        private bool Taken(double x, double y)
        {
            var (cx, cy) = ((int)Math.Floor(x / Cell), (int)Math.Floor(y / Cell));
            for (var i = cx - 1; i <= cx + 1; i++)
            {
                for (var j = cy - 1; j <= cy + 1; j++)
                {
                    if (_cells.TryGetValue((i, j), out var list) && list.Exists(p => Math.Abs(p.X - x) < Cell && Math.Abs(p.Y - y) < Cell))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}

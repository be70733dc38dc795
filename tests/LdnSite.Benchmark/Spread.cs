namespace LdnSite.Benchmark;

using System.Globalization;

/// <summary>
/// The median of a few runs with the fastest and slowest beside it, so a reader sees how much
/// one figure moved between runs on the same machine before trusting a difference.
/// </summary>
/// <param name="Median">Middle value (the mean of the two middle values for an even count).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record Spread(double Median, double Min, double Max)
{
    /// <summary>Spread of <paramref name="values"/>; there must be at least one.</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    /// <summary>E.g. <c>1.45 s (1.41–1.52)</c> for <paramref name="number"/> <c>0.00</c> and <paramref name="unit"/> <c>s</c>.</summary>
    public string Format(string number, string unit = "")
    {
        string Text(double value) => value.ToString(number, CultureInfo.InvariantCulture);
        var suffix = unit.Length > 0 ? " " + unit : "";
        return $"{Text(Median)}{suffix} ({Text(Min)}–{Text(Max)})";
    }
}

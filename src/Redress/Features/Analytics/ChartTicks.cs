namespace Redress.Features.Analytics;

/// <summary>Y-axis spacing for counts: MudChart's default of 20 leaves a chart of small counts with one line.</summary>
internal static class ChartTicks
{
    /// <summary>1, 2 or 5 times a power of ten, giving about five lines up to <paramref name="max"/>.</summary>
    public static int Step(int max)
    {
        var rough = Math.Max(1.0, max / 5.0);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var nice = rough / power <= 1 ? 1 : rough / power <= 2 ? 2 : rough / power <= 5 ? 5 : 10;
        return (int)(nice * power);
    }
}

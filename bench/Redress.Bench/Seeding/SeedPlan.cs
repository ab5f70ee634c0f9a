using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// When each seeded case arrived, by which channel, and its serial: decided up front in one cheap sequential
/// pass, so that the expensive part (text, search tokens) can run in parallel and still give every case the
/// number the server's counter would have given it, in id order.
/// </summary>
internal sealed class SeedPlan
{
    // Shanghai hours 0..23: quiet at night, busiest late morning and afternoon.
    private static readonly double[] HourWeights = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 5, 6, 6, 5, 5, 6, 6, 5.5, 5, 4.5, 4.5, 4, 3.5, 2.5, 1.5];
    // Phone and web dominate intake; letters and imports are rare.
    private static readonly (Channel Channel, double Weight)[] ChannelWeights =
        [(Channel.Phone, 35), (Channel.Web, 25), (Channel.Email, 10), (Channel.Social, 10), (Channel.Api, 10), (Channel.Visit, 5), (Channel.Letter, 3), (Channel.Import, 2)];

    private static readonly double[] ChannelPick = [.. ChannelWeights.Select(c => c.Weight)];

    private readonly long[] _createdTicks;
    private readonly byte[] _channels;
    private readonly int[] _serials;
    private readonly int[] _localDays;

    public int Count { get; }
    public DateTime Now { get; }
    public TimeZoneInfo Zone { get; }
    public CaseNumberFormat Format { get; }
    /// <summary>The last serial of every counter scope the seeded numbers used.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; }

    public SeedPlan(int count, DateTime nowUtc, int days, TimeZoneInfo zone, CaseNumberFormat format, int seed)
    {
        (Count, Now, Zone, Format) = (count, nowUtc, zone, format);
        _createdTicks = new long[count];
        _channels = new byte[count];
        _serials = new int[count];
        _localDays = new int[count];
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var first = today.AddDays(-days);
        var perDay = Spread(count, days, first);
        var counters = new Dictionary<(int Day, Channel Channel), int>();
        var i = 0;
        var times = new List<long>();
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            times.Clear();
            for (var k = 0; k < perDay[d]; k++)
            {
                var local = date.ToDateTime(new TimeOnly(Pick(random, HourWeights), random.Next(60), random.Next(60)), DateTimeKind.Unspecified)
                    .AddTicks(random.Next(10_000_000));
                times.Add(TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks);
            }
            times.Sort();
            foreach (var ticks in times)
            {
                // Never in the future: the server's own clock numbers what comes after.
                _createdTicks[i] = Math.Min(ticks, nowUtc.AddMinutes(-1).Ticks);
                var channel = ChannelWeights[Pick(random, ChannelPick)].Channel;
                _channels[i] = (byte)channel;
                _serials[i] = counters[(date.DayNumber, channel)] = counters.GetValueOrDefault((date.DayNumber, channel)) + 1;
                _localDays[i] = date.DayNumber;
                i++;
            }
        }
        Counters = counters.ToDictionary(c => format.CounterScope(DateOnly.FromDayNumber(c.Key.Day), c.Key.Channel), c => (long)c.Value);
    }

    public DateTime CreatedAt(int i) => new(_createdTicks[i], DateTimeKind.Utc);
    public Channel ChannelOf(int i) => (Channel)_channels[i];
    public DateOnly LocalDate(int i) => DateOnly.FromDayNumber(_localDays[i]);
    public string Number(int i) => Format.Format(LocalDate(i), ChannelOf(i), _serials[i]);

    /// <summary>
    /// Cases per day: growing over the period, fewer at weekends, peaks after the 618 and Double 11 sales.
    /// Largest-remainder rounding so the days add up to exactly <paramref name="count"/>.
    /// </summary>
    private static int[] Spread(int count, int days, DateOnly first)
    {
        var weights = new double[days];
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            var w = 0.7 + 0.6 * d / days;
            w *= date.DayOfWeek switch { DayOfWeek.Saturday => 0.7, DayOfWeek.Sunday => 0.6, _ => 1.0 };
            if (date.Month == 11 && date.Day is >= 11 and <= 20) w *= 2.2;
            if (date.Month == 6 && date.Day is >= 18 and <= 25) w *= 1.6;
            weights[d] = w;
        }
        var total = weights.Sum();
        var exact = weights.Select(w => w / total * count).ToArray();
        var result = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var missing = count - result.Sum();
        foreach (var d in Enumerable.Range(0, days).OrderByDescending(d => exact[d] - result[d]).Take(missing)) result[d]++;
        return result;
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length; k++)
        {
            if ((x -= weights[k]) < 0) return k;
        }
        return weights.Length - 1;
    }
}

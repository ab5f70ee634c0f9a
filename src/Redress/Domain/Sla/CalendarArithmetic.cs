namespace Redress.Domain.Sla;

public sealed partial class BusinessCalendar
{
    /// <summary>Whether the instant falls in a working period (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTime utc)
    {
        var s = Current();
        var at = AsUtc(utc);
        var day = s.Day(s.LocalDate(at));
        foreach (var p in day.Periods)
        {
            if (at < day.ToUtc(p.Start)) return false;
            if (at < day.ToUtc(p.End)) return true;
        }
        return false;
    }

    /// <summary>Whether the date, on the calendar's wall clock, has working hours.</summary>
    public bool IsWorkingDay(DateOnly localDate) => Current().PeriodsOn(localDate).Length > 0;

    /// <summary>
    /// The instant when <paramref name="duration"/> of working time has passed since <paramref name="startUtc"/>.
    /// Time that runs out exactly at the end of a period is due then, not when the next one opens.
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var s = Current();
        var at = AsUtc(startUtc);
        if (duration == TimeSpan.Zero) return at;
        var left = duration;
        // Terminates: the calendar has a working period every week, and finitely many dated exceptions.
        for (var date = s.LocalDate(at); ; date = date.AddDays(1))
        {
            var day = s.Day(date);
            foreach (var p in day.Periods)
            {
                var end = day.ToUtc(p.End);
                if (end <= at) continue;
                var from = Later(at, day.ToUtc(p.Start));
                if (left <= end - from) return from + left;
                left -= end - from;
            }
        }
    }

    /// <summary>The working time between two instants; zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var s = Current();
        var (from, to) = (AsUtc(fromUtc), AsUtc(toUtc));
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = s.LocalDate(to);
        for (var date = s.LocalDate(from); date <= last; date = date.AddDays(1))
        {
            var day = s.Day(date);
            foreach (var p in day.Periods)
            {
                var start = Later(from, day.ToUtc(p.Start));
                var end = Earlier(to, day.ToUtc(p.End));
                if (end > start) total += end - start;
            }
        }
        return total;
    }

    /// <summary>
    /// A deadline in working days, as Chinese law counts periods (期间开始的日不计算在期间内): the day of receipt
    /// does not count, whatever the hour; the deadline is the end of the last working period of the
    /// <paramref name="days"/>-th working day after the local date of <paramref name="startUtc"/>.
    /// Zero days is the end of today's working hours if today is a working day and they are not over yet,
    /// otherwise the end of the next working day.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var s = Current();
        var at = AsUtc(startUtc);
        var date = s.LocalDate(at);
        if (days == 0)
        {
            var today = s.Day(date);
            var endOfToday = today.Periods.Length > 0 ? today.ToUtc(today.Periods[^1].End) : at;
            if (at < endOfToday) return endOfToday;
            days = 1;
        }
        while (true)
        {
            date = date.AddDays(1);
            if (s.PeriodsOn(date).Length > 0 && --days == 0)
            {
                var day = s.Day(date);
                return day.ToUtc(day.Periods[^1].End);
            }
        }
    }

    /// <summary>The one entry point for a deadline: every hour counts, or only working time.</summary>
    public DateTime Due(DateTime startUtc, TimeSpan duration, TimeBasis basis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return basis switch
        {
            TimeBasis.Calendar => AsUtc(startUtc) + duration,
            TimeBasis.Business => AddWorkingTime(startUtc, duration),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
        };
    }

    /// <summary>
    /// R-SLA-2: the clock stood still while the case waited on the customer. On the calendar basis the
    /// deadline moves by the length of the pause; on the business basis the working time that was left at the
    /// pause counts again from the resume. A business deadline already passed at the pause had nothing left,
    /// so it becomes the moment of the resume (still overdue, by less); a calendar one stays overdue by as much.
    /// </summary>
    public DateTime ResumedDue(DateTime dueUtc, DateTime pausedAtUtc, DateTime resumedAtUtc, TimeBasis basis)
    {
        var (due, paused, resumed) = (AsUtc(dueUtc), AsUtc(pausedAtUtc), AsUtc(resumedAtUtc));
        ArgumentOutOfRangeException.ThrowIfLessThan(resumed, paused, nameof(resumedAtUtc));
        return basis switch
        {
            TimeBasis.Calendar => due + (resumed - paused),
            TimeBasis.Business => AddWorkingTime(resumed, WorkingTimeBetween(paused, due)),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
        };
    }

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        // A Local DateTime means the server's zone leaked in (DateTime.Now); that is a bug to find, not to guess around.
        _ => throw new ArgumentException("Business-time arithmetic takes UTC; got a DateTime of kind Local.", nameof(time)),
    };

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private Schedule Current()
    {
        // The counts catch EF Core filling the lists after the lookup was built (a calendar kept in memory, its days loaded later).
        if (_schedule is { } built && built.HoursCount == Hours.Count && built.DaysCount == Days.Count) return built;
        if (CheckHours(Hours) is { } error)
            throw new InvalidOperationException($"Calendar {Code} cannot compute business time: {error.Message}");
        return _schedule = new Schedule(TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), Hours, Days);
    }

    private readonly record struct Period(TimeOnly Start, TimeOnly End);

    /// <summary>A date's working periods, and the instants their wall-clock times fall on.</summary>
    private readonly struct ScheduledDay(Schedule schedule, DateOnly date, Period[] periods, TimeSpan? steadyOffset)
    {
        public Period[] Periods => periods;

        public DateTime ToUtc(TimeOnly time)
        {
            var local = time == TimeOnly.MaxValue ? date.AddDays(1).ToDateTime(TimeOnly.MinValue) : date.ToDateTime(time);
            return steadyOffset is { } offset ? DateTime.SpecifyKind(local - offset, DateTimeKind.Utc) : schedule.ToUtc(local);
        }
    }

    /// <summary>The calendar as the arithmetic reads it: the zone, each weekday's periods in order, and the dated exceptions.</summary>
    private sealed class Schedule
    {
        private readonly TimeZoneInfo _zone;
        private readonly Period[][] _weekly = new Period[7][];
        private readonly Period[] _standard;
        private readonly Dictionary<DateOnly, CalendarDayKind> _days;

        public Schedule(TimeZoneInfo zone, List<WorkingPeriod> hours, List<CalendarDay> days)
        {
            _zone = zone;
            for (var d = 0; d < 7; d++)
                _weekly[d] = [.. hours.Where(p => (int)p.Day == d).OrderBy(p => p.Start).Select(p => new Period(p.Start, p.End))];
            // A make-up day works the standard weekday's hours: Monday's, or the first working day's after it.
            _standard = Enumerable.Range(0, 7).Select(i => _weekly[((int)DayOfWeek.Monday + i) % 7]).First(p => p.Length > 0);
            _days = new Dictionary<DateOnly, CalendarDayKind>(days.Count);
            // SetDay keeps dates unique; should stored data repeat one, the last row wins.
            foreach (var day in days) _days[day.Date] = day.Kind;
            (HoursCount, DaysCount) = (hours.Count, days.Count);
        }

        public int HoursCount { get; }
        public int DaysCount { get; }

        public Period[] PeriodsOn(DateOnly date)
        {
            var weekly = _weekly[(int)date.DayOfWeek];
            if (!_days.TryGetValue(date, out var kind)) return weekly;
            // A weekday listed as a make-up day keeps its own hours; a weekend day takes the standard ones.
            return kind == CalendarDayKind.Holiday ? [] : weekly.Length > 0 ? weekly : _standard;
        }

        public ScheduledDay Day(DateOnly date)
        {
            var periods = PeriodsOn(date);
            return new ScheduledDay(this, date, periods, periods.Length > 0 ? SteadyOffset(date) : null);
        }

        public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, _zone));

        /// <summary>
        /// The date's UTC offset when the clocks do not change on it (all but a couple of days a year), so each
        /// boundary is a subtraction; null sends the day through <see cref="ToUtc"/>. Checking both midnights is
        /// enough because no zone changes its clocks twice in a day. Three offset lookups a day instead of three
        /// a boundary: IsInvalidTime alone takes half a microsecond in Asia/Shanghai.
        /// </summary>
        private TimeSpan? SteadyOffset(DateOnly date)
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            var offset = _zone.GetUtcOffset(DateTime.SpecifyKind(midnight - _zone.BaseUtcOffset, DateTimeKind.Utc));
            var start = DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc);
            return _zone.GetUtcOffset(start) == offset && _zone.GetUtcOffset(start.AddDays(1)) == offset ? offset : null;
        }

        /// <summary>
        /// The instant the wall clock shows <paramref name="local"/>. When the clocks go back and show it twice,
        /// the first time; when they spring forward over it, the moment of the jump, so a period that overlaps the
        /// skipped hour is shorter and one inside it is empty. Both keep instants in the order of the wall-clock
        /// times they come from, which the walks above rely on.
        /// </summary>
        public DateTime ToUtc(DateTime local)
        {
            if (_zone.IsInvalidTime(local)) return MomentOfJump(local);
            var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        private DateTime MomentOfJump(DateTime local)
        {
            // The offsets a day either side are the ones before and after the jump: no zone changes its clocks
            // twice in two days. Under the later offset the wall time is an instant before the jump; under the
            // earlier one, at or after it. Halve the distance down to a tick; it happens once a year per zone.
            var near = DateTime.SpecifyKind(local - _zone.BaseUtcOffset, DateTimeKind.Utc);
            var before = _zone.GetUtcOffset(near.AddDays(-1));
            var after = _zone.GetUtcOffset(near.AddDays(1));
            long lo = (local - after).Ticks, hi = (local - before).Ticks;
            while (hi - lo > 1)
            {
                var mid = lo + (hi - lo) / 2;
                if (_zone.GetUtcOffset(new DateTime(mid, DateTimeKind.Utc)) == before) lo = mid;
                else hi = mid;
            }
            return new DateTime(hi, DateTimeKind.Utc);
        }
    }
}

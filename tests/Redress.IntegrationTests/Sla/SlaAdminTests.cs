using System.Net;
using System.Net.Http.Json;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Sla;

/// <summary>
/// Administrators' SLA profiles and business calendars (issue 4, parts 1-3), through the API. Tests that change
/// the active rules put them back, as the tests of one class share their app.
/// </summary>
public abstract partial class SlaAdminTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Profiles = "/api/v1/sla/profiles";
    private const string Calendars = "/api/v1/sla/calendars";
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Presets_AreListed_WithTheInternalProfileActive()
    {
        var profiles = await (await app.SignInAsync("handler")).GetJsonAsync<List<SlaProfileItem>>(Profiles);

        Assert.Equal(["internal", "cn-banking", "uk-fca", "us-cfpb"], profiles.Select(p => p.Code));
        Assert.Equal("internal", Assert.Single(profiles, p => p.IsActive).Code);
        var banking = profiles.Single(p => p.Code == "cn-banking");
        Assert.Equal(CalendarCodes.China, banking.CalendarCode);
        Assert.Equal([Role.Lead, Role.Executive], banking.Extensions.Select(e => e.Approver));
        Assert.Equal(["15d", "30d", "60d"], banking.Buckets.Select(b => b.Key));
        Assert.Contains(new TargetLimit(SlaTarget.Resolution, new TimeLimit(15, SlaUnit.CalendarDays)), banking.Policies[0].Targets);
        var calendars = await (await app.SignInAsync("handler")).GetJsonAsync<List<CalendarSummary>>(Calendars);
        Assert.Superset(new HashSet<string> { "CN", "UK", "US" }, calendars.Select(c => c.Code).ToHashSet());
        Assert.Equal([2026], calendars.Single(c => c.Code == "CN").Years);
    }

    [Fact]
    public async Task ChangingALimit_AppliesToCasesRegisteredAfterwards_NotToEarlierOnes()
    {
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        var before = await agent.RegisterAsync(A.Case().Graded(3).Build());
        var (profile, etag) = await ReadProfileAsync(admin, SlaPresets.InternalCode);
        var original = ManageSlaProfiles.RulesOf(profile);
        try
        {
            var rules = WithTarget(original, "general", SlaTarget.InitialPlan, new LimitInput(36, SlaUnit.CalendarHours));
            var changed = await Expect.JsonAsync<SlaProfileItem>(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/internal/rules", rules, etag));
            Assert.Equal(profile.Version + 1, changed.Version);

            var after = await agent.RegisterAsync(A.Case().Graded(3).Build());
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal((new TimeLimit(36, SlaUnit.CalendarHours), now.AddHours(36)), LimitAndDue(after, SlaTarget.InitialPlan));
            var earlier = (await agent.GetCaseAsync(before.Id)).Case;
            Assert.Equal((new TimeLimit(24, SlaUnit.CalendarHours), before.CreatedAt.AddHours(24)), LimitAndDue(earlier, SlaTarget.InitialPlan));
        }
        finally
        {
            var (_, latest) = await ReadProfileAsync(admin, SlaPresets.InternalCode);
            await Expect.StatusAsync(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/internal/rules", original, latest), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ActivatingChinaBanking_MakesANewCasesResolutionDueIn15CalendarDays()
    {
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        try
        {
            var active = await Expect.JsonAsync<SlaProfileItem>(await admin.PostAsync($"{Profiles}/cn-banking/activate", null));
            Assert.True(active.IsActive);
            Assert.Equal("cn-banking", Assert.Single(await admin.GetJsonAsync<List<SlaProfileItem>>(Profiles), p => p.IsActive).Code);

            var c = await agent.RegisterAsync(A.Case().Graded(3).Build());

            Assert.Equal((new TimeLimit(15, SlaUnit.CalendarDays), c.CreatedAt.AddDays(15)), LimitAndDue(c, SlaTarget.Resolution));
            Assert.Equal(c.CreatedAt.AddDays(15), c.DueAt);
        }
        finally
        {
            await Expect.StatusAsync(await admin.PostAsync($"{Profiles}/internal/activate", null), HttpStatusCode.OK);
        }
        Assert.Equal(new TimeLimit(10, SlaUnit.WorkingDays), LimitAndDue(await agent.RegisterAsync(A.Case().Graded(3).Build()), SlaTarget.Resolution).Limit);
    }

    [Theory]
    [InlineData("unknown_calendar")]
    [InlineData("duplicate_target")]
    [InlineData("warn_out_of_range")]
    [InlineData("catch_all_required")]
    public async Task InvalidRules_AreA400ProblemWithACode_AndChangeNothing(string code)
    {
        var admin = await app.SignInAsync("admin");
        var (profile, etag) = await ReadProfileAsync(admin, "uk-fca");
        var rules = ManageSlaProfiles.RulesOf(profile);
        var first = rules.Policies[0];
        rules = code switch
        {
            "unknown_calendar" => rules with { CalendarCode = "ATLANTIS" },
            "duplicate_target" => rules with { Policies = [first with { Targets = [.. first.Targets, first.Targets[0]] }, .. rules.Policies.Skip(1)] },
            "warn_out_of_range" => rules with { WarnAtPercent = 0 },
            _ => rules with { Policies = [first] },
        };

        var problem = await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/uk-fca/rules", rules, etag), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.NotEmpty(problem.Errors!);
        Assert.Equal(profile, (await ReadProfileAsync(admin, "uk-fca")).Profile, ProfileComparer.Instance);
    }

    [Fact]
    public async Task ARequestOfTheWrongShape_IsA400ValidationProblem_NamingTheField()
    {
        var admin = await app.SignInAsync("admin");
        var (profile, etag) = await ReadProfileAsync(admin, "uk-fca");
        var rules = ManageSlaProfiles.RulesOf(profile);
        // Policy keys are stored on every clock, in a 32-character column.
        rules = rules with { Policies = [rules.Policies[0] with { Key = new string('k', 33) }, .. rules.Policies.Skip(1)] };

        var problem = await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/uk-fca/rules", rules, etag), HttpStatusCode.BadRequest);

        Assert.Contains("policies[0].key", problem.Errors!.Keys);
        Assert.Equal(profile.Version, (await ReadProfileAsync(admin, "uk-fca")).Profile.Version);
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedWith412_AndNoIfMatchWith428()
    {
        var admin = await app.SignInAsync("admin");
        var (profile, etag) = await ReadProfileAsync(admin, "us-cfpb");
        var rules = ManageSlaProfiles.RulesOf(profile) with { WarnAtPercent = 80 };

        var saved = await Expect.JsonAsync<SlaProfileItem>(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/us-cfpb/rules", rules, etag));
        var stale = await SendAsync(admin, HttpMethod.Put, $"{Profiles}/us-cfpb/rules", rules with { WarnAtPercent = 60 }, etag);
        var blind = await SendAsync(admin, HttpMethod.Put, $"{Profiles}/us-cfpb/rules", rules with { WarnAtPercent = 60 }, null);

        Assert.Equal("stale", (await Expect.ProblemAsync(stale, HttpStatusCode.PreconditionFailed)).Code);
        Assert.Equal("if_match_required", (await Expect.ProblemAsync(blind, HttpStatusCode.PreconditionRequired)).Code);
        Assert.Equal((80, saved.Version), ((await ReadProfileAsync(admin, "us-cfpb")).Profile.WarnAtPercent, saved.Version));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    [InlineData("lead")]
    [InlineData("executive")]
    [InlineData("auditor")]
    public async Task OtherRoles_ReadProfilesAndCalendars_ButCannotChangeThem(string user)
    {
        var client = await app.SignInAsync(user);
        var (profile, etag) = await ReadProfileAsync(client, "uk-fca");
        var calendar = await client.GetAsync($"{Calendars}/CN");
        await Expect.StatusAsync(calendar, HttpStatusCode.OK);

        var responses = new[]
        {
            await SendAsync(client, HttpMethod.Put, $"{Profiles}/uk-fca/rules", ManageSlaProfiles.RulesOf(profile), etag),
            await client.PostAsync($"{Profiles}/uk-fca/activate", null),
            await client.PostAsync(Calendars, new NewCalendarInput($"X{user.ToUpperInvariant()}", "Rogue", "Asia/Shanghai", null, "CN")),
            await SendAsync(client, HttpMethod.Put, $"{Calendars}/CN/hours", new HoursInput([new(DayOfWeek.Monday, "09:00", "10:00")]), calendar.Headers.ETag?.Tag),
            await client.PostAsync($"{Calendars}/CN/days", new DaysInput([new(new DateOnly(2030, 1, 1), CalendarDayKind.Holiday, "元旦")])),
            await SendAsync(client, HttpMethod.Put, $"{Calendars}/CN/days/2030-01-02", new DayInput(CalendarDayKind.Holiday, "Rogue"), null),
            await SendAsync(client, HttpMethod.Delete, $"{Calendars}/CN/days/2026-10-01", null, null),
            await SendAsync(client, HttpMethod.Put, $"/api/v1/sla/departments/{app.Ids.Logistics}/calendar", new DepartmentCalendarInput("UK"), null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(profile.Version, (await ReadProfileAsync(client, "uk-fca")).Profile.Version);
        Assert.Equal("internal", Assert.Single(await client.GetJsonAsync<List<SlaProfileItem>>(Profiles), p => p.IsActive).Code);
        Assert.Equal([2026], (await client.GetJsonAsync<CalendarItem>($"{Calendars}/CN")).Days.Select(d => d.Date.Year).Distinct());
    }

    [Fact]
    public async Task AHolidayAndAMakeUpDay_MoveANewCasesBusinessHoursDueDate_NotARunningOne()
    {
        // Friday 17:00 in Beijing: one working hour left; a limit of 2 business hours ends at 10:00 on the next working day.
        var friday = MoveClockTo(DayOfWeek.Friday, 17, Beijing);
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        var (saturday, monday, tuesday) = (friday.AddDays(1), friday.AddDays(3), friday.AddDays(4));
        var running = await agent.RegisterAsync(A.Case().Graded(3).Build());
        Assert.Equal(At(monday, 10, Beijing), LimitAndDue(running, SlaTarget.FirstContact).DueAt);
        try
        {
            var calendar = await Expect.JsonAsync<CalendarItem>(await admin.PostAsync($"{Calendars}/CN/days", new DaysInput(
            [
                new(DateOnly.FromDateTime(saturday), CalendarDayKind.Workday, "调休上班"),
                new(DateOnly.FromDateTime(monday), CalendarDayKind.Holiday, "测试假日"),
            ])));
            Assert.Contains(calendar.Days, d => d.Date == DateOnly.FromDateTime(saturday) && d.Kind == CalendarDayKind.Workday);
            Assert.Contains(friday.Year, (await admin.GetJsonAsync<List<CalendarSummary>>(Calendars)).Single(c => c.Code == "CN").Years);

            // The make-up Saturday works the standard weekday hours.
            Assert.Equal(At(saturday, 10, Beijing), LimitAndDue(await agent.RegisterAsync(A.Case().Graded(3).Build()), SlaTarget.FirstContact).DueAt);
            Assert.Equal(At(monday, 10, Beijing), LimitAndDue((await agent.GetCaseAsync(running.Id)).Case, SlaTarget.FirstContact).DueAt);

            await Expect.StatusAsync(await SendAsync(admin, HttpMethod.Delete, $"{Calendars}/CN/days/{Iso(saturday)}", null, null), HttpStatusCode.OK);
            Assert.Equal(At(tuesday, 10, Beijing), LimitAndDue(await agent.RegisterAsync(A.Case().Graded(3).Build()), SlaTarget.FirstContact).DueAt);
        }
        finally
        {
            await SendAsync(admin, HttpMethod.Delete, $"{Calendars}/CN/days/{Iso(saturday)}", null, null);
            await SendAsync(admin, HttpMethod.Delete, $"{Calendars}/CN/days/{Iso(monday)}", null, null);
        }
        Assert.Equal([2026], (await admin.GetJsonAsync<CalendarItem>($"{Calendars}/CN")).Days.Select(d => d.Date.Year).Distinct());
    }

    [Fact]
    public async Task ADepartmentsOwnCalendar_CountsTheCasesItLeads()
    {
        // Monday 10:00 in Beijing is before dawn in London: there the two business hours are 09:00-11:00.
        var monday = MoveClockTo(DayOfWeek.Monday, 10, Beijing);
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        var ids = app.Ids;
        var set = await Expect.JsonAsync<DepartmentCalendarItem>(await SendAsync(admin, HttpMethod.Put, $"/api/v1/sla/departments/{ids.Logistics}/calendar", new DepartmentCalendarInput("UK"), null));
        Assert.Equal("UK", set.CalendarCode);
        try
        {
            var british = await agent.RegisterAsync(A.Case().Graded(3).LedBy(ids.Logistics).Build());
            var chinese = await agent.RegisterAsync(A.Case().Graded(3).LedBy(ids.AfterSales).Build());

            Assert.Equal(At(monday, 11, London), LimitAndDue(british, SlaTarget.FirstContact).DueAt);
            Assert.Equal(At(monday, 12, Beijing), LimitAndDue(chinese, SlaTarget.FirstContact).DueAt);
            Assert.Contains(await admin.GetJsonAsync<List<DepartmentCalendarItem>>("/api/v1/sla/departments"), d => d.Id == ids.Logistics && d.CalendarCode == "UK");
        }
        finally
        {
            await SendAsync(admin, HttpMethod.Put, $"/api/v1/sla/departments/{ids.Logistics}/calendar", new DepartmentCalendarInput(null), null);
        }
        var unknown = await SendAsync(admin, HttpMethod.Put, $"/api/v1/sla/departments/{ids.Logistics}/calendar", new DepartmentCalendarInput("MARS"), null);
        Assert.Equal("unknown_calendar", (await Expect.ProblemAsync(unknown, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task ANewCalendar_CopiesAnother_AndItsWeeklyHoursAreReplacedOnlyFromTheLatestRevision()
    {
        var admin = await app.SignInAsync("admin");
        var code = "CN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await Expect.JsonAsync<CalendarItem>(await admin.PostAsync(Calendars, new NewCalendarInput(code, "华东分公司", "Asia/Shanghai", null, "CN")), HttpStatusCode.Created);
        var china = await admin.GetJsonAsync<CalendarItem>($"{Calendars}/CN");
        Assert.Equal((china.Hours, china.Days), (created.Hours, created.Days), new PairComparer());

        var hours = new HoursInput([.. Enumerable.Range(1, 5).Select(d => new PeriodInput((DayOfWeek)d, "08:30", "17:30"))]);
        var changed = await Expect.JsonAsync<CalendarItem>(await SendAsync(admin, HttpMethod.Put, $"{Calendars}/{code}/hours", hours, $"\"{created.Revision}\""));
        Assert.Equal(new PeriodItem(DayOfWeek.Monday, "08:30", "17:30"), changed.Hours[0]);
        var stale = await SendAsync(admin, HttpMethod.Put, $"{Calendars}/{code}/hours", new HoursInput([new(DayOfWeek.Monday, "00:00", "24:00")]), $"\"{created.Revision}\"");
        Assert.Equal("stale", (await Expect.ProblemAsync(stale, HttpStatusCode.PreconditionFailed)).Code);
        var blind = await SendAsync(admin, HttpMethod.Put, $"{Calendars}/{code}/hours", hours, null);
        Assert.Equal("if_match_required", (await Expect.ProblemAsync(blind, HttpStatusCode.PreconditionRequired)).Code);

        var year = await Expect.JsonAsync<CalendarItem>(await admin.PostAsync($"{Calendars}/{code}/days", new DaysInput(
            [new(new DateOnly(2026, 12, 31), CalendarDayKind.Holiday, "公司年会")], ReplaceYears: true)));
        Assert.Equal([new CalendarDayItem(new DateOnly(2026, 12, 31), CalendarDayKind.Holiday, "公司年会")], year.Days);
        var replaced = await Expect.JsonAsync<CalendarItem>(await SendAsync(admin, HttpMethod.Put, $"{Calendars}/{code}/days/2026-12-31", new DayInput(CalendarDayKind.Workday, "年终结算"), null));
        Assert.Equal(CalendarDayKind.Workday, Assert.Single(replaced.Days).Kind);
    }

    [Theory]
    [InlineData("duplicate_day")]
    [InlineData("periods_overlap")]
    [InlineData("unknown_time_zone")]
    [InlineData("duplicate_code")]
    public async Task InvalidCalendarInput_IsA400ProblemWithACode(string code)
    {
        var admin = await app.SignInAsync("admin");
        var (path, body) = code switch
        {
            "duplicate_day" => ($"{Calendars}/CN/days", (object)new DaysInput(
                [new(new DateOnly(2031, 1, 1), CalendarDayKind.Holiday, "元旦"), new(new DateOnly(2031, 1, 1), CalendarDayKind.Workday, "元旦")])),
            "periods_overlap" => (Calendars, new NewCalendarInput("OVERLAP", "Overlap", "Asia/Shanghai", [new(DayOfWeek.Monday, "09:00", "13:00"), new(DayOfWeek.Monday, "12:00", "18:00")], null)),
            "unknown_time_zone" => (Calendars, new NewCalendarInput("NOWHERE", "Nowhere", "Mars/Olympus_Mons", [new(DayOfWeek.Monday, "09:00", "17:00")], null)),
            _ => (Calendars, new NewCalendarInput("UK", "Again", "Europe/London", [new(DayOfWeek.Monday, "09:00", "17:00")], null)),
        };

        var problem = await Expect.ProblemAsync(await admin.PostAsync(path, body), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.DoesNotContain(2031, (await admin.GetJsonAsync<CalendarItem>($"{Calendars}/CN")).Days.Select(d => d.Date.Year));
    }

    private static async Task<(SlaProfileItem Profile, string ETag)> ReadProfileAsync(ApiClient client, string code)
    {
        var response = await client.GetAsync($"{Profiles}/{code}");
        return (await Expect.JsonAsync<SlaProfileItem>(response), response.Headers.ETag?.Tag ?? throw new InvalidOperationException("No ETag on a profile."));
    }

    private static async Task<HttpResponseMessage> SendAsync(ApiClient client, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json.Options);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.Http.SendAsync(request, Test.Ct);
    }

    private static SlaRulesInput WithTarget(SlaRulesInput rules, string policy, SlaTarget target, LimitInput limit) => rules with
    {
        Policies = [.. rules.Policies.Select(p => p.Key != policy ? p
            : p with { Targets = [.. p.Targets.Select(t => t.Target == target ? t with { Limit = limit } : t)] })],
    };

    private static (TimeLimit Limit, DateTime DueAt) LimitAndDue(CaseDetails c, SlaTarget target) =>
        Assert.Single(c.Clocks, k => k.Target == target) is { } clock ? (clock.Limit, clock.DueAt) : default;

    /// <summary>
    /// Moves the app's clock on to the next such weekday and hour in the zone, in 2027 or later: years no preset
    /// calendar lists days for, so only the test's own days and the weekly hours count. Returns the local time.
    /// Sign in after it: tokens expire with the time.
    /// </summary>
    private DateTime MoveClockTo(DayOfWeek day, int hour, TimeZoneInfo zone)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date.AddDays(1);
        if (local.Year < 2027) local = new DateTime(2027, 1, 4);
        while (local.DayOfWeek != day) local = local.AddDays(1);
        local = local.AddHours(hour);
        app.Advance(TimeZoneInfo.ConvertTimeToUtc(local, zone) - now);
        return local;
    }

    private static DateTime At(DateTime localDay, int hour, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localDay.Date.AddHours(hour), DateTimeKind.Unspecified), zone);

    private static string Iso(DateTime localDay) => localDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Profiles hold lists, which records compare by reference: compare what they say.</summary>
    private sealed class ProfileComparer : IEqualityComparer<SlaProfileItem>
    {
        public static readonly ProfileComparer Instance = new();
        public bool Equals(SlaProfileItem? x, SlaProfileItem? y) => System.Text.Json.JsonSerializer.Serialize(x, Json.Options) == System.Text.Json.JsonSerializer.Serialize(y, Json.Options);
        public int GetHashCode(SlaProfileItem obj) => obj.Version;
    }

    private sealed class PairComparer : IEqualityComparer<(IReadOnlyList<PeriodItem>, IReadOnlyList<CalendarDayItem>)>
    {
        public bool Equals((IReadOnlyList<PeriodItem>, IReadOnlyList<CalendarDayItem>) x, (IReadOnlyList<PeriodItem>, IReadOnlyList<CalendarDayItem>) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((IReadOnlyList<PeriodItem>, IReadOnlyList<CalendarDayItem>) obj) => obj.Item1.Count;
    }
}

public sealed class SlaAdminOnSqlite(SqliteApp app) : SlaAdminTests<SqliteApp>(app);

public sealed class SlaAdminOnPostgres(PostgresApp app) : SlaAdminTests<PostgresApp>(app);

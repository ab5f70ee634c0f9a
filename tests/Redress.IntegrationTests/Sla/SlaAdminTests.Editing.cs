using System.Net;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Sla;

/// <summary>Editing what a policy matches and the order of the policies, concurrent edits, and a calendar's time zone.</summary>
public abstract partial class SlaAdminTests<TApp>
{
    [Fact]
    public async Task APolicyForPhoneCases_AppliesWhereItStandsInTheOrder()
    {
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        var (profile, etag) = await ReadProfileAsync(admin, SlaPresets.InternalCode);
        var original = ManageSlaProfiles.RulesOf(profile);
        var phone = new PolicyInput("phone", "电话投诉", "Phone complaint", new PolicyMatchInput([], CaseFlags.None, [], [Channel.Phone]),
            [new(SlaTarget.FirstContact, new LimitInput(1, SlaUnit.CalendarHours)), new(SlaTarget.Resolution, new LimitInput(2, SlaUnit.CalendarDays))]);
        try
        {
            // First: every phone case, whatever its grade.
            var first = await Expect.JsonAsync<SlaProfileItem>(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/internal/rules",
                original with { Policies = [phone, .. original.Policies] }, etag));
            Assert.Equal([Channel.Phone], first.Policies[0].Match.Channels);
            Assert.Equal("phone", PolicyOf(await agent.RegisterAsync(A.Case().Graded(3).Via(Channel.Phone).Build())));
            Assert.Equal("general", PolicyOf(await agent.RegisterAsync(A.Case().Graded(3).Via(Channel.Web).Build())));

            // Moved below the grade 3 policy: a grade 3 phone case is a general one again; grade 4 phone cases are the phone policy's.
            var moved = await Expect.JsonAsync<SlaProfileItem>(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/internal/rules",
                original with { Policies = [.. original.Policies.SkipLast(1), phone, original.Policies[^1]] }, ETags(first)));
            Assert.Equal(["major-1", "major", "general", "phone", "minor"], moved.Policies.Select(p => p.Key));
            Assert.Equal("general", PolicyOf(await agent.RegisterAsync(A.Case().Graded(3).Via(Channel.Phone).Build())));
            var minorByPhone = await agent.RegisterAsync(A.Case().Graded(4).Via(Channel.Phone).Build());
            Assert.Equal(("phone", new TimeLimit(1, SlaUnit.CalendarHours)), (PolicyOf(minorByPhone), LimitAndDue(minorByPhone, SlaTarget.FirstContact).Limit));
            Assert.Equal(minorByPhone.CreatedAt.AddDays(2), minorByPhone.DueAt);
        }
        finally
        {
            var (_, latest) = await ReadProfileAsync(admin, SlaPresets.InternalCode);
            await Expect.StatusAsync(await SendAsync(admin, HttpMethod.Put, $"{Profiles}/internal/rules", original, latest), HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData(5, null, "unknown_grade")]
    [InlineData(null, 999_999, "unknown_category")]
    public async Task AMatchOnAGradeOrCategoryThatDoesNotExist_IsA400Problem(int? grade, int? category, string code)
    {
        var admin = await app.SignInAsync("admin");
        var (profile, etag) = await ReadProfileAsync(admin, "uk-fca");
        var rules = ManageSlaProfiles.RulesOf(profile);
        var narrowed = rules.Policies[0] with { Match = new PolicyMatchInput(grade is { } g ? [g] : [], CaseFlags.None, category is { } c ? [c] : [], []) };

        var response = await SendAsync(admin, HttpMethod.Put, $"{Profiles}/uk-fca/rules", rules with { Policies = [narrowed, .. rules.Policies.Skip(1)] }, etag);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((code, true), (problem.Code, problem.Errors!.ContainsKey("policies")));
        Assert.Equal(profile.Version, (await ReadProfileAsync(admin, "uk-fca")).Profile.Version);
    }

    [Fact]
    public async Task TwoAdministratorsSavingTheSameVersionAtOnce_OneWins_TheOtherGets412()
    {
        var (first, second) = (await app.SignInAsync("admin"), await app.SignInAsync("admin"));
        var (profile, etag) = await ReadProfileAsync(first, "cn-banking");
        var rules = ManageSlaProfiles.RulesOf(profile);

        var responses = await Task.WhenAll(
            SendAsync(first, HttpMethod.Put, $"{Profiles}/cn-banking/rules", rules with { WarnAtPercent = 61 }, etag),
            SendAsync(second, HttpMethod.Put, $"{Profiles}/cn-banking/rules", rules with { WarnAtPercent = 62 }, etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var loser = await Expect.ProblemAsync(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.PreconditionFailed);
        Assert.Equal("stale", loser.Code);
        var winner = await Expect.JsonAsync<SlaProfileItem>(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var stored = (await ReadProfileAsync(first, "cn-banking")).Profile;
        Assert.Equal((winner.WarnAtPercent, profile.Version + 1), (stored.WarnAtPercent, stored.Version));
    }

    [Fact]
    public async Task ACalendarsTimeZone_IsChangedOnItsRevision_AndNewCasesCountOnTheNewWallClock()
    {
        var admin = await app.SignInAsync("admin");
        var code = $"TZ{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var created = await Expect.JsonAsync<CalendarItem>(await admin.PostAsync(Calendars, new NewCalendarInput(code, "Moving branch", "Asia/Shanghai", null, "CN")), HttpStatusCode.Created);
        var path = $"{Calendars}/{code}/time-zone";

        Assert.Equal("if_match_required", (await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, path, new TimeZoneInput("Europe/London"), null), HttpStatusCode.PreconditionRequired)).Code);
        var unknown = await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, path, new TimeZoneInput("Mars/Olympus"), $"\"{created.Revision}\""), HttpStatusCode.BadRequest);
        Assert.Equal(("unknown_time_zone", true), (unknown.Code, unknown.Errors!.ContainsKey("timeZoneId")));
        Assert.Contains("timeZoneId", (await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, path, new TimeZoneInput(""), $"\"{created.Revision}\""), HttpStatusCode.BadRequest)).Errors!.Keys);
        await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{Calendars}/NOPE/time-zone", new TimeZoneInput("Europe/London"), "\"x\""), HttpStatusCode.NotFound);

        var moved = await Expect.JsonAsync<CalendarItem>(await SendAsync(admin, HttpMethod.Put, path, new TimeZoneInput("Europe/London"), $"\"{created.Revision}\""));
        Assert.Equal(("Europe/London", created.Hours), (moved.TimeZoneId, moved.Hours), new ZoneAndHours());
        Assert.NotEqual(created.Revision, moved.Revision);
        Assert.Equal("stale", (await Expect.ProblemAsync(await SendAsync(admin, HttpMethod.Put, path, new TimeZoneInput("Asia/Tokyo"), $"\"{created.Revision}\""), HttpStatusCode.PreconditionFailed)).Code);

        // Monday 10:00 in Beijing is 02:00 in London: two business hours from the start of London's working day.
        var monday = MoveClockTo(DayOfWeek.Monday, 10, Beijing);
        (admin, var agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        await Expect.StatusAsync(await SendAsync(admin, HttpMethod.Put, $"/api/v1/sla/departments/{app.Ids.Logistics}/calendar", new DepartmentCalendarInput(code), null), HttpStatusCode.OK);
        try
        {
            var c = await agent.RegisterAsync(A.Case().Graded(3).LedBy(app.Ids.Logistics).Build());
            Assert.Equal(At(monday, 11, London), LimitAndDue(c, SlaTarget.FirstContact).DueAt);
        }
        finally
        {
            await SendAsync(admin, HttpMethod.Put, $"/api/v1/sla/departments/{app.Ids.Logistics}/calendar", new DepartmentCalendarInput(null), null);
        }
    }

    private static string PolicyOf(CaseDetails c) => c.Clocks.Select(k => k.PolicyKey).Distinct().Single();

    private static string ETags(SlaProfileItem p) => Web.ETags.For(p.Version);

    private sealed class ZoneAndHours : IEqualityComparer<(string, IReadOnlyList<PeriodItem>)>
    {
        public bool Equals((string, IReadOnlyList<PeriodItem>) x, (string, IReadOnlyList<PeriodItem>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string, IReadOnlyList<PeriodItem>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}

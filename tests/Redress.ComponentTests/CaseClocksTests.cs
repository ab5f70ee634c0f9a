using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Features.Notifications;
using Redress.Features.Sla;
using Redress.Web;

namespace Redress.ComponentTests;

/// <summary>The case's clocks (R-SLA-1) as the case page shows them, and how time left is said in both languages.</summary>
public sealed class CaseClocksTests : IAsyncDisposable
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);   // 10:00 in Shanghai
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public CaseClocksTests()
    {
        _ctx.Services.AddLocalization();
        MudBlazor.Services.ServiceCollectionExtensions.AddMudServices(_ctx.Services);
        _ctx.Services.AddSingleton<IStringLocalizer<Ui>>(sp => new StringLocalizer<Ui>(sp.GetRequiredService<IStringLocalizerFactory>()));
        _ctx.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Use("en");
    }

    private IStringLocalizer Text => _ctx.Services.GetRequiredService<IStringLocalizer<Ui>>();

    [Theory]
    [InlineData("en", 135, "2 h 15 min left")]
    [InlineData("en", 180, "3 h left")]
    [InlineData("en", -(27 * 60 + 59), "overdue by 1 d 3 h")]
    [InlineData("en", 2 * 24 * 60 + 30, "2 d left")]
    [InlineData("en", 5, "5 min left")]
    [InlineData("en", 0, "< 1 min left")]
    [InlineData("zh-CN", 135, "剩余 2 小时 15 分钟")]
    [InlineData("zh-CN", -(27 * 60), "已超时 1 天 3 小时")]
    public void TimeLeft_SaysTheTwoLargestWholeUnits(string culture, int minutes, string expected)
    {
        Use(culture);

        Assert.Equal(expected, TimeLeft.Describe(TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(minutes >= 0 ? 59 : 0), Text));
    }

    [Fact]
    public void CaseClocks_ShowEachStateInWordsAndColour_WithDueTimesInTheViewersZone()
    {
        ClockView[] clocks =
        [
            Clock(SlaTarget.Acknowledgement, ClockState.Met, due: Now.AddMinutes(-20), met: Now.AddMinutes(-30)),
            Clock(SlaTarget.SupervisorReport, ClockState.Breached, due: Now.AddMinutes(-75)),
            Clock(SlaTarget.HandlingStart, ClockState.Warned, due: Now.AddMinutes(40)),
            Clock(SlaTarget.CustomerUpdate, ClockState.Paused, due: Now.AddHours(5), paused: Now.AddHours(-1)),
            Clock(SlaTarget.Resolution, ClockState.Running, due: Now.AddDays(4).AddHours(2)),
            // Past its time but not yet stepped by the scheduler: already shown as breached.
            Clock(SlaTarget.InitialPlan, ClockState.Running, due: Now.AddMinutes(-2)),
        ];

        var cut = _ctx.Render<CaseClocks>(p => p.Add(x => x.Clocks, clocks).AddCascadingValue(UserTime.For("Asia/Shanghai", "UTC")));

        string Cell(SlaTarget t, string testId) => cut.Find($"[data-testid=clock-{t}] [data-testid={testId}]").TextContent.Trim();
        Assert.Equal("Report to supervisor", cut.Find("[data-testid=clock-SupervisorReport] td").TextContent);
        Assert.Equal("Breached", Cell(SlaTarget.SupervisorReport, "clock-state"));
        Assert.Equal("overdue by 1 h 15 min", Cell(SlaTarget.SupervisorReport, "clock-left"));
        Assert.Equal("2026-11-23 08:45", Cell(SlaTarget.SupervisorReport, "clock-due"));
        Assert.Contains("mud-error-text", cut.Find("[data-testid=clock-SupervisorReport] [data-testid=clock-left]").ClassName, StringComparison.Ordinal);
        Assert.Equal("Met", Cell(SlaTarget.Acknowledgement, "clock-state"));
        Assert.Equal("met on time, 2026-11-23 09:30", Cell(SlaTarget.Acknowledgement, "clock-left"));
        Assert.Equal("Due soon", Cell(SlaTarget.HandlingStart, "clock-state"));
        Assert.Equal("40 min left", Cell(SlaTarget.HandlingStart, "clock-left"));
        Assert.Equal("6 h left when paused", Cell(SlaTarget.CustomerUpdate, "clock-left"));
        Assert.Equal("4 d 2 h left", Cell(SlaTarget.Resolution, "clock-left"));
        Assert.Equal("Breached", cut.Find("[data-testid=clock-InitialPlan]").GetAttribute("data-state"));
        // Colour is never alone: every state chip has its text, and its own colour.
        var colours = cut.FindAll("[data-testid=clock-state]").Select(c => c.ClassName ?? "").ToList();
        Assert.Contains(colours, c => c.Contains("error", StringComparison.Ordinal));
        Assert.Contains(colours, c => c.Contains("warning", StringComparison.Ordinal));
        Assert.Contains(colours, c => c.Contains("success", StringComparison.Ordinal));
    }

    [Fact]
    public void CaseClocks_SayWhenNoLimitApplies()
    {
        var cut = _ctx.Render<CaseClocks>(p => p.Add(x => x.Clocks, []).AddCascadingValue(UserTime.For("Asia/Shanghai", "UTC")));

        Assert.Equal("No time limits apply to this case.", cut.Find("[data-testid=no-clocks]").TextContent);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void EveryClockStateTargetAndEvent_HasItsStrings(string culture)
    {
        Use(culture);
        string[] keys =
        [
            .. Enum.GetNames<ClockState>().Select(n => $"Clock.State.{n}"),
            .. Enum.GetNames<SlaTarget>().Select(n => $"Sla.Target.{n}"),
            .. Enum.GetNames<SlaTarget>().Select(n => $"Clock.Short.{n}"),
            .. Enum.GetNames<NotificationEvent>().Select(n => $"NotifySettings.Event.{n}"),
            .. Enum.GetNames<NotificationEvent>().Select(n => $"Notify.{n}"),
        ];

        var missing = keys.Where(k => Text[k].ResourceNotFound).ToList();
        Assert.True(missing.Count == 0, "Missing UI strings: " + string.Join(", ", missing));
    }

    private static ClockView Clock(SlaTarget target, ClockState state, DateTime due, DateTime? met = null, DateTime? paused = null) =>
        new(target, state, "major", new TimeLimit(1, SlaUnit.CalendarHours), Now.AddHours(-2), due, paused, met,
            state == ClockState.Breached ? due : null, null, 0, met is { } m ? m <= due : state == ClockState.Breached ? false : null);

    private static void Use(string culture) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    // MudBlazor's chip holds services that only dispose asynchronously.
    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = _culture;
        await _ctx.DisposeAsync();
    }

    private sealed class FixedTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}

using Microsoft.Extensions.Time.Testing;
using Redress.Features.Portal;

namespace Redress.UnitTests.Portal;

public sealed class AttemptWindowTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheAttemptOverTheLimit_IsRefused_WithTheWaitUntilTheOldestLeaves()
    {
        var window = new AttemptWindow(3, TimeSpan.FromMinutes(15), _clock);
        Assert.Null(window.TryCount("10.0.0.1"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(window.TryCount("10.0.0.1"));
        Assert.Null(window.TryCount("10.0.0.1"));

        Assert.Equal(TimeSpan.FromMinutes(10), window.TryCount("10.0.0.1"));
        Assert.Null(window.TryCount("10.0.0.2"));
    }

    [Fact]
    public void AnAttempt_LeavesTheWindowWhenItsSpanHasPassed_AndRefusalsAreNotCounted()
    {
        var window = new AttemptWindow(2, TimeSpan.FromHours(1), _clock);
        window.TryCount("20261201-WEB-0001");
        window.TryCount("20261201-WEB-0001");
        for (var i = 0; i < 5; i++) Assert.NotNull(window.TryCount("20261201-WEB-0001"));

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(window.TryCount("20261201-WEB-0001"));
        Assert.Null(window.TryCount("20261201-WEB-0001"));
        Assert.NotNull(window.TryCount("20261201-WEB-0001"));
    }

    [Fact]
    public void ConcurrentAttempts_NeverPassMoreThanTheLimit()
    {
        var window = new AttemptWindow(50, TimeSpan.FromHours(1), _clock);

        var allowed = 0;
        Parallel.For(0, 1_000, _ =>
        {
            if (window.TryCount("one") is null) Interlocked.Increment(ref allowed);
        });

        Assert.Equal(50, allowed);
    }
}

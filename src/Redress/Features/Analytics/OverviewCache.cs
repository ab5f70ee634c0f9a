using System.Collections.Concurrent;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Analytics;

public sealed class AnalyticsOptions
{
    /// <summary>How old the overview's figures may be before a reader's visit refreshes them; zero computes every visit.</summary>
    public TimeSpan OverviewMaxAge { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The overview per reader scope (everything, or a lead's departments), at most <see cref="AnalyticsOptions.OverviewMaxAge"/>
/// old. At 1,000,000 cases computing it reads for over a second (docs/performance.md), and a dashboard is opened
/// often by many people with the same scope. A visit to stale figures gets them at once and starts one refresh
/// in the background, so the next visit sees new ones; only the first visit of a scope waits. The page says how
/// old the figures are, and the drill-down lists are always live.
/// </summary>
public sealed class OverviewCache(ComputeOverview compute, AnalyticsOptions options, TimeProvider clock, ILogger<OverviewCache> log)
{
    private readonly ConcurrentDictionary<string, Task<Result<Overview>>> _latest = new();
    private readonly ConcurrentDictionary<string, bool> _refreshing = new();

    public async Task<Result<Overview>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (options.OverviewMaxAge <= TimeSpan.Zero || !actor.IsInAny(ComputeOverview.Readers)) return await compute.HandleAsync(actor, ct);
        var scope = ScopeOf(actor);
        // Shared by everyone of the scope, so not cancelled with one request.
        var latest = _latest.GetOrAdd(scope, _ => compute.HandleAsync(actor, CancellationToken.None));
        Result<Overview> result;
        try
        {
            result = await latest.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _latest.TryRemove(new(scope, latest));
            throw;
        }
        if (result.IsSuccess && clock.GetUtcNow().UtcDateTime - result.Value!.AsOf >= options.OverviewMaxAge) Refresh(scope, actor);
        return result;
    }

    /// <summary>Readers with the same scope see the same figures: everything, or one set of departments.</summary>
    public static string ScopeOf(Actor actor) => actor.IsDepartmentScoped ? "departments:" + string.Join(',', actor.DepartmentIds.Order()) : "all";

    /// <summary>The scopes whose figures are kept (or being computed).</summary>
    public IReadOnlyCollection<string> Scopes => [.. _latest.Keys];

    private void Refresh(string scope, Actor actor)
    {
        if (!_refreshing.TryAdd(scope, true)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                var next = await compute.HandleAsync(actor, CancellationToken.None);
                if (next.IsSuccess) _latest[scope] = Task.FromResult(next);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Refreshing the overview of {Scope} failed; the last figures stay.", scope);
            }
            finally
            {
                _refreshing.TryRemove(scope, out _);
            }
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Data;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Data;

/// <summary>
/// A statement stops when the token of whoever waits for it is cancelled (the queue page's counts, when the
/// reader leaves), and the connection then runs the next statement. On SQLite that takes an interrupt: the driver
/// runs a statement to its end whatever the token says.
/// </summary>
public abstract class CancellationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    /// <summary>Counts to ten billion: hours, unless stopped.</summary>
    private const string Endless = """
        WITH RECURSIVE n(i) AS (SELECT CAST(1 AS bigint) UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n
        """;

    [Fact]
    public async Task AStatementThatWouldRunForHours_StopsWhenItsTokenIsCancelled_AndTheConnectionRunsTheNextOne()
    {
        app.RequireDatabase();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(Test.Ct);
        using var leaving = new CancellationTokenSource();

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var interrupt = await db.InterruptOnCancelAsync(leaving.Token);
            await using var endless = db.Command(Endless);
            leaving.CancelAfter(TimeSpan.FromMilliseconds(300));
            await endless.ExecuteScalarAsync(leaving.Token);
        });

        Assert.NotNull(failure);
        Assert.True(leaving.IsCancellationRequested, $"It failed before it was cancelled: {failure}");
        Assert.Equal(1L, Convert.ToInt64(await db.ScalarAsync("SELECT 1", Test.Ct), System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class CancellationOnSqlite(SqliteApp app) : CancellationTests<SqliteApp>(app);

public sealed class CancellationOnPostgres(PostgresApp app) : CancellationTests<PostgresApp>(app);

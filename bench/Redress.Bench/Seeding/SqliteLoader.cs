using Microsoft.Data.Sqlite;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// SQLite: one connection, prepared statements, large transactions, no journal while loading (the server is
/// stopped and a failed seed is simply thrown away), secondary indexes built once at the end by sorting.
/// </summary>
internal sealed class SqliteLoader(string path) : ICaseLoader
{
    private const int CasesPerTransaction = 50_000;
    private static readonly string[] LoadedTables = ["Cases", "CaseAssistingDepartments", "TimelineEntries"];

    private readonly SqliteConnection _db = new($"Data Source={path};Pooling=False");
    private readonly List<(string Name, string Sql)> _indexes = [];
    private readonly OwnedJson _json = OwnedJson.ForSqlite();
    private SqliteTransaction? _tx;
    private SqliteCommand? _case, _timeline, _assisting, _search;
    private int _sinceCommit;

    public async Task<SeedReference> ReadReferenceAsync(CancellationToken ct)
    {
        await _db.OpenAsync(ct);
        return new SeedReference(
            await MapAsync("SELECT Code, Id FROM Departments", r => (r.GetString(0), r.GetInt32(1)), ct),
            await MapAsync("SELECT Code, Id FROM Categories", r => (r.GetString(0), r.GetInt32(1)), ct),
            await MapAsync("SELECT UserName, Id, DisplayName FROM AspNetUsers", r => (r.GetString(0), (r.GetString(1), r.GetString(2))), ct),
            Convert.ToInt64(await Scalar("SELECT COALESCE(MAX(Id), 0) FROM Cases").ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task BeginAsync(CancellationToken ct)
    {
        await Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;", ct);
        var tables = string.Join(", ", LoadedTables.Select(t => $"'{t}'"));
        await using (var reader = await Scalar($"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tables})").ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) _indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in _indexes) await Execute($"DROP INDEX \"{name}\"", ct);
        _tx = _db.BeginTransaction();
        _case = Prepare($"INSERT INTO Cases ({string.Join(", ", CaseColumns.All.Select(c => c.Name))}) VALUES ({string.Join(", ", CaseColumns.All.Select((_, k) => $"$p{k}"))})", CaseColumns.All.Length);
        _timeline = Prepare($"INSERT INTO TimelineEntries ({string.Join(", ", CaseColumns.Timeline.Select(c => c.Name))}) VALUES ({string.Join(", ", CaseColumns.Timeline.Select((_, k) => $"$p{k}"))})", CaseColumns.Timeline.Length);
        _assisting = Prepare("INSERT INTO CaseAssistingDepartments (CaseId, DepartmentId) VALUES ($p0, $p1)", 2);
        // The same statement CaseSearchIndex.AddAsync runs.
        _search = Prepare("INSERT INTO CaseSearch (rowid, Tokens) VALUES ($p0, $p1)", 2);
    }

    public Task WriteAsync(IReadOnlyList<SeedCase> batch, CancellationToken ct)
    {
        foreach (var c in batch)
        {
            for (var k = 0; k < CaseColumns.All.Length; k++) _case!.Parameters[k].Value = CaseColumns.All[k].Value(c) switch { null => DBNull.Value, SolutionPlan p => _json.Write(p), var v => v };
            _case!.ExecuteNonQuery();
            foreach (var entry in c.Timeline)
            {
                for (var k = 0; k < CaseColumns.Timeline.Length; k++) _timeline!.Parameters[k].Value = CaseColumns.Timeline[k].Value(entry, c.Id) ?? DBNull.Value;
                _timeline!.ExecuteNonQuery();
            }
            foreach (var department in c.AssistingDepartmentIds) Run(_assisting!, c.Id, department);
            Run(_search!, c.Id, c.SearchTokens);
            if (++_sinceCommit < CasesPerTransaction) continue;
            _tx!.Commit();
            _tx = _db.BeginTransaction();
            foreach (var cmd in new[] { _case, _timeline, _assisting, _search }) cmd!.Transaction = _tx;
            _sinceCommit = 0;
        }
        return Task.CompletedTask;
    }

    public async Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct)
    {
        using var counter = Prepare("""
            INSERT INTO NumberCounters (Scope, Last) VALUES ($p0, $p1)
            ON CONFLICT (Scope) DO UPDATE SET Last = max(Last, excluded.Last)
            """, 2);
        foreach (var (scope, last) in counters) Run(counter, scope, last);
        _tx!.Commit();
        _tx = null;
        foreach (var (_, sql) in _indexes) await Execute(sql, ct);
        // Back to what DataSetup.MigrateAsync chose for the file.
        await Execute("PRAGMA journal_mode=WAL;", ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cmd in new[] { _case, _timeline, _assisting, _search }) cmd?.Dispose();
        if (_tx is not null) await _tx.DisposeAsync();
        await _db.DisposeAsync();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        for (var k = 0; k < parameters; k++) cmd.Parameters.Add(new SqliteParameter($"$p{k}", DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, object a, object b)
    {
        cmd.Parameters[0].Value = a;
        cmd.Parameters[1].Value = b;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Scalar(string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var cmd = Scalar(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<Dictionary<string, T>> MapAsync<T>(string sql, Func<SqliteDataReader, (string, T)> row, CancellationToken ct)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var cmd = Scalar(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (key, value) = row(reader);
            map[key] = value;
        }
        return map;
    }
}

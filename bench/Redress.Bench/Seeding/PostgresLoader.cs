using Npgsql;
using NpgsqlTypes;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// PostgreSQL: binary COPY into each table on its own connection, with secondary indexes and foreign keys
/// dropped while loading and put back at the end (built by sorting, checked in one pass each). The
/// full-text rows go through a staging table so that <c>to_tsvector('simple', …)</c> runs in the server,
/// exactly as <c>CaseSearchIndex.AddAsync</c> does.
/// </summary>
internal sealed class PostgresLoader(string connectionString) : ICaseLoader
{
    private static readonly string[] LoadedTables = ["Cases", "CaseAssistingDepartments", "TimelineEntries", "CaseSearch"];

    // Rebuilding the indexes of 1,000,000 rows takes longer than Npgsql's default 30 s command timeout.
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
    private readonly List<string> _rebuild = [];
    private readonly OwnedJson _json = OwnedJson.ForPostgres();
    private readonly List<NpgsqlConnection> _connections = [];
    private NpgsqlConnection? _control;
    private NpgsqlBinaryImporter? _cases, _timeline, _assisting, _tokens;

    public async Task<SeedReference> ReadReferenceAsync(CancellationToken ct)
    {
        _control = await _source.OpenConnectionAsync(ct);
        return new SeedReference(
            await MapAsync("""SELECT "Code", "Id" FROM "Departments" """, r => (r.GetString(0), r.GetInt32(1)), ct),
            await MapAsync("""SELECT "Code", "Id" FROM "Categories" """, r => (r.GetString(0), r.GetInt32(1)), ct),
            await MapAsync("""SELECT "UserName", "Id", "DisplayName" FROM "AspNetUsers" """, r => (r.GetString(0), (r.GetString(1), r.GetString(2))), ct),
            (long)(await Command("""SELECT COALESCE(MAX("Id"), 0) FROM "Cases" """).ExecuteScalarAsync(ct))!);
    }

    public async Task BeginAsync(CancellationToken ct)
    {
        var tables = string.Join(", ", LoadedTables.Select(t => $"'{t}'"));
        var drops = new List<string>();
        // Foreign keys first (dropped before, added after the indexes they may lean on).
        await using (var reader = await Command($"""
            SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype = 'f' AND n.nspname = current_schema() AND c.relname IN ({tables})
            """).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                drops.Add($"""ALTER TABLE "{reader.GetString(0)}" DROP CONSTRAINT "{reader.GetString(1)}" """);
                _rebuild.Add($"""ALTER TABLE "{reader.GetString(0)}" ADD CONSTRAINT "{reader.GetString(1)}" {reader.GetString(2)}""");
            }
        }
        var indexes = new List<string>();
        await using (var reader = await Command($"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename IN ({tables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname)
            """).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                drops.Add($"""DROP INDEX "{reader.GetString(0)}" """);
                indexes.Add(reader.GetString(1));
            }
        }
        _rebuild.InsertRange(0, indexes);
        foreach (var sql in drops) await Command(sql).ExecuteNonQueryAsync(ct);

        _cases = await CopyAsync($"""COPY "Cases" ({Quoted(CaseColumns.All.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)""", ct);
        _timeline = await CopyAsync($"""COPY "TimelineEntries" ({Quoted(CaseColumns.Timeline.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)""", ct);
        _assisting = await CopyAsync("""COPY "CaseAssistingDepartments" ("CaseId", "DepartmentId") FROM STDIN (FORMAT BINARY)""", ct);
        await Command("""CREATE TEMP TABLE seed_tokens ("CaseId" bigint, "Tokens" text)""").ExecuteNonQueryAsync(ct);
        _tokens = await _control!.BeginBinaryImportAsync("""COPY seed_tokens ("CaseId", "Tokens") FROM STDIN (FORMAT BINARY)""", ct);
    }

    public async Task WriteAsync(IReadOnlyList<SeedCase> batch, CancellationToken ct)
    {
        foreach (var c in batch)
        {
            await _cases!.StartRowAsync(ct);
            foreach (var (_, value) in CaseColumns.All) await WriteValueAsync(_cases, value(c), ct);
            foreach (var entry in c.Timeline)
            {
                await _timeline!.StartRowAsync(ct);
                foreach (var (_, value) in CaseColumns.Timeline) await WriteValueAsync(_timeline, value(entry, c.Id), ct);
            }
            foreach (var department in c.AssistingDepartmentIds)
            {
                await _assisting!.StartRowAsync(ct);
                await _assisting.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
                await _assisting.WriteAsync(department, NpgsqlDbType.Integer, ct);
            }
            await _tokens!.StartRowAsync(ct);
            await _tokens.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
            await _tokens.WriteAsync(c.SearchTokens, NpgsqlDbType.Text, ct);
        }
    }

    public async Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct)
    {
        foreach (var importer in new[] { _cases, _timeline, _assisting, _tokens })
        {
            await importer!.CompleteAsync(ct);
            await importer.DisposeAsync();
        }
        await Command("SET maintenance_work_mem = '1GB'").ExecuteNonQueryAsync(ct);
        await Command("""INSERT INTO "CaseSearch" ("CaseId", "Tokens") SELECT "CaseId", to_tsvector('simple', "Tokens") FROM seed_tokens""").ExecuteNonQueryAsync(ct);
        await Command("DROP TABLE seed_tokens").ExecuteNonQueryAsync(ct);
        foreach (var sql in _rebuild) await Command(sql).ExecuteNonQueryAsync(ct);
        await Command("""SELECT setval(pg_get_serial_sequence('"Cases"', 'Id'), (SELECT MAX("Id") FROM "Cases"))""").ExecuteNonQueryAsync(ct);
        await using (var batch = _control!.CreateBatch())
        {
            foreach (var (scope, last) in counters)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                    INSERT INTO "NumberCounters" ("Scope", "Last") VALUES ($1, $2)
                    ON CONFLICT ("Scope") DO UPDATE SET "Last" = GREATEST("NumberCounters"."Last", EXCLUDED."Last")
                    """) { Parameters = { new() { Value = scope }, new() { Value = last } } });
            }
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        }
        // What autovacuum would soon do anyway: statistics for the planner, a visibility map for index-only scans.
        foreach (var table in LoadedTables) await Command($"""VACUUM ANALYZE "{table}" """).ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        if (_control is not null) await _control.DisposeAsync();
        await _source.DisposeAsync();
    }

    private async Task<NpgsqlBinaryImporter> CopyAsync(string copy, CancellationToken ct)
    {
        var connection = await _source.OpenConnectionAsync(ct);
        _connections.Add(connection);
        return await connection.BeginBinaryImportAsync(copy, ct);
    }

    private Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        SolutionPlan p => importer.WriteAsync(_json.Write(p), NpgsqlDbType.Jsonb, ct),
        string s => importer.WriteAsync(s, NpgsqlDbType.Text, ct),
        long l => importer.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
        bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateTime d => importer.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
        _ => throw new InvalidOperationException($"No COPY mapping for {value.GetType()}."),
    };

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private NpgsqlCommand Command(string sql) => new(sql, _control);

    private async Task<Dictionary<string, T>> MapAsync<T>(string sql, Func<NpgsqlDataReader, (string, T)> row, CancellationToken ct)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var cmd = Command(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (key, value) = row(reader);
            map[key] = value;
        }
        return map;
    }
}

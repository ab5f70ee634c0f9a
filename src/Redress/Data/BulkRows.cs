using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Redress.Domain.Sla;

namespace Redress.Data;

/// <summary>
/// Plain SQL for the scheduler's passes, which write thousands of rows at once: SaveChanges costs ~0.4 ms of the
/// single SQLite writer per row, a multi-row INSERT a small fraction. Columns and value conversions come from
/// the EF Core model, so a column added to an entity is written here too. Generated ids are not read back:
/// only rows that nothing refers to afterwards belong here.
/// </summary>
internal static class BulkRows
{
    /// <summary>Parameters per multi-row statement (PostgreSQL allows 65,535; shorter statements plan faster).</summary>
    private const int MaxParameters = 1_000;

    /// <summary>
    /// Inserts <paramref name="rows"/> in the context's transaction. SQLite runs in-process, so one prepared
    /// single-row INSERT run once per row is its fastest path (no statement to parse per chunk); PostgreSQL gets
    /// multi-row INSERTs, one round trip per chunk.
    /// </summary>
    public static async Task InsertAsync<T>(RedressDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        var getters = columns.Select(p => (Get: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToList();
        object? Value(T row, int c) => getters[c].Get.GetClrValue(row) is { } v && getters[c].Converter is { } converter ? converter.ConvertToProvider(v) : getters[c].Get.GetClrValue(row);
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";
        if (db.IsSqlite)
        {
            await using var one = db.Command(head + "(" + string.Join(",", columns.Select((_, c) => "@p" + c)) + ")");
            var parameters = columns.Select((_, c) => Parameter(one, "@p" + c)).ToArray();
            foreach (var row in rows)
            {
                for (var c = 0; c < parameters.Length; c++) parameters[c].Value = Value(row, c) ?? DBNull.Value;
                await one.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / columns.Count)))
        {
            await using var command = db.Command("");
            var sql = new StringBuilder(head);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ",(");
                for (var c = 0; c < getters.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : "," + name);
                    command.Bind(name, Value(chunk[r], c));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Writes what the scheduler changed on each clock. SQLite: one prepared UPDATE, run once per clock.
    /// PostgreSQL: one UPDATE for them all, from arrays (a round trip per clock cost ~0.15 ms of the pass each).
    /// </summary>
    public static async Task UpdateStepsAsync(RedressDb db, IReadOnlyCollection<CaseClock> clocks, CancellationToken ct)
    {
        if (clocks.Count == 0) return;
        if (!db.IsSqlite)
        {
            await using var all = db.Command("""
                UPDATE "CaseClocks" AS c SET "WarnedAt" = v.warned, "BreachedAt" = v.breached, "EscalatedAt" = v.escalated, "NextCheckAt" = v.next
                FROM unnest(@ids::bigint[], @warned::timestamptz[], @breached::timestamptz[], @escalated::timestamptz[], @next::timestamptz[])
                    AS v(id, warned, breached, escalated, next)
                WHERE c."Id" = v.id
                """);
            all.Bind("@ids", clocks.Select(c => c.Id).ToArray())
                .Bind("@warned", clocks.Select(c => c.WarnedAt).ToArray())
                .Bind("@breached", clocks.Select(c => c.BreachedAt).ToArray())
                .Bind("@escalated", clocks.Select(c => c.EscalatedAt).ToArray())
                .Bind("@next", clocks.Select(c => c.NextCheckAt).ToArray());
            await all.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var command = db.Command("""
            UPDATE "CaseClocks" SET "WarnedAt" = @warned, "BreachedAt" = @breached, "EscalatedAt" = @escalated, "NextCheckAt" = @next
            WHERE "Id" = @id
            """);
        var parameters = StepParameters.Select(name => Parameter(command, name)).ToArray();
        foreach (var clock in clocks)
        {
            parameters[0].Value = clock.WarnedAt ?? (object)DBNull.Value;
            parameters[1].Value = clock.BreachedAt ?? (object)DBNull.Value;
            parameters[2].Value = clock.EscalatedAt ?? (object)DBNull.Value;
            parameters[3].Value = clock.NextCheckAt ?? (object)DBNull.Value;
            parameters[4].Value = clock.Id;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static readonly string[] StepParameters = ["@warned", "@breached", "@escalated", "@next", "@id"];

    /// <summary>Untyped: each database takes a null's type from the column, and a time's from its value.</summary>
    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}

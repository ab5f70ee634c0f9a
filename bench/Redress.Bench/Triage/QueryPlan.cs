using System.Data.Common;

namespace Redress.Bench.Triage;

/// <summary>SQLite's plan for one of the server's statements, with its parameters @p0, @p1 … bound as given.</summary>
internal static class QueryPlan
{
    public static async Task PrintAsync(DbConnection connection, string sql, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            (p.ParameterName, p.Value) = ("@p" + i, values[i] ?? DBNull.Value);
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine("  plan: " + reader.GetString(3));
    }
}

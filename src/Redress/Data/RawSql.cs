using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Redress.Data;

internal static class RawSql
{
    /// <summary>
    /// One statement on the context's connection and transaction, parameters named @p0, @p1 …, without EF
    /// Core's query pipeline: for the few statements on the registration hot path, where that pipeline
    /// cost more than the statement (docs/performance.md).
    /// </summary>
    public static async Task<object?> ScalarAsync(this RedressDb db, string sql, CancellationToken ct, params object?[] values)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}

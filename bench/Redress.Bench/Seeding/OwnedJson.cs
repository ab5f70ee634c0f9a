using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// A JSON column's value (the solution plan) written exactly as EF Core writes it for one provider, through the
/// model's own JSON writers: SQLite keeps decimals as text and dates with a space, PostgreSQL does not, and the
/// server must read seeded rows back like its own.
/// </summary>
internal sealed class OwnedJson
{
    private readonly (string Name, System.Reflection.PropertyInfo Property, Microsoft.EntityFrameworkCore.Storage.Json.JsonValueReaderWriter Writer)[] _plan;

    private OwnedJson(IModel model)
    {
        var type = model.GetEntityTypes().Single(e => e.ClrType == typeof(SolutionPlan));
        _plan = [.. type.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetJsonPropertyName() is not null)
            .Select(p => (p.GetJsonPropertyName()!, p.PropertyInfo!, p.GetJsonValueReaderWriter() ?? p.GetTypeMapping().JsonValueReaderWriter!))];
    }

    public static OwnedJson ForSqlite() =>
        new(new SqliteRedressDb(new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite("Data Source=:memory:").Options).Model);

    public static OwnedJson ForPostgres() =>
        new(new PostgresRedressDb(new DbContextOptionsBuilder<PostgresRedressDb>().UseNpgsql("Host=unused").Options).Model);

    public string Write(SolutionPlan plan)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (name, property, writer) in _plan)
            {
                json.WritePropertyName(name);
                if (property.GetValue(plan) is { } value) writer.ToJson(json, value);
                else json.WriteNullValue();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Redress.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRedressDb>
{
    public SqliteRedressDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRedressDb>
{
    public PostgresRedressDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRedressDb>().UseNpgsql("Host=localhost;Database=design").Options);
}

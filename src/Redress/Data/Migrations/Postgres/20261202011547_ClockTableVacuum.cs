using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Postgres
{
    /// <summary>
    /// Every scheduler step rewrites a clock row, and the old version stays in the partial index of due checks
    /// until a vacuum: past PostgreSQL's default (a fifth of the table dead, 400,000 rows at 1,000,000 cases) the
    /// pass with nothing due walked 300,000 dead entries and took 9 ms instead of 0.6 ms. Vacuum at 1 % instead.
    /// </summary>
    public partial class ClockTableVacuum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "CaseClocks" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02)""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "CaseClocks" RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)""");
        }
    }
}

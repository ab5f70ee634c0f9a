using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Redress.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TriageModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TriageModelVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrainedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SampleCount = table.Column<int>(type: "integer", nullable: false),
                    TestCount = table.Column<int>(type: "integer", nullable: false),
                    ClassCounts = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Accuracy = table.Column<double>(type: "double precision", nullable: false),
                    MacroF1 = table.Column<double>(type: "double precision", nullable: false),
                    TrainingSeconds = table.Column<double>(type: "double precision", nullable: false),
                    DataHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Model = table.Column<byte[]>(type: "bytea", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageModelVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageModelVersions_Active",
                table: "TriageModelVersions",
                column: "Kind",
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_TriageModelVersions_Kind_Version",
                table: "TriageModelVersions",
                columns: new[] { "Kind", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriageModelVersions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SampleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TestCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassCounts = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: false),
                    MacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    TrainingSeconds = table.Column<double>(type: "REAL", nullable: false),
                    DataHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
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

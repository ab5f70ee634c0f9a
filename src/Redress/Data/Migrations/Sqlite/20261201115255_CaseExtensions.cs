using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingExtension",
                table: "Cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingExtension",
                table: "Cases");
        }
    }
}

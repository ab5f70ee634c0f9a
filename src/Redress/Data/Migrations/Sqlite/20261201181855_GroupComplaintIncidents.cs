using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupComplaintIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseGroupKeys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGroupKeys", x => new { x.Key, x.CaseId });
                    table.ForeignKey(
                        name: "FK_CaseGroupKeys_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    KeyKind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContainedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentCases",
                columns: table => new
                {
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentCases", x => new { x.IncidentId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_IncidentCases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentCases_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentUpdates_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseGroupKeys_CaseId",
                table: "CaseGroupKeys",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGroupKeys_Key_CreatedAt_CustomerKey_CaseId",
                table: "CaseGroupKeys",
                columns: new[] { "Key", "CreatedAt", "CustomerKey", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentCases_CaseId",
                table: "IncidentCases",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_GroupKey",
                table: "Incidents",
                column: "GroupKey",
                unique: true,
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OpenedAt_Id",
                table: "Incidents",
                columns: new[] { "OpenedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentUpdates_IncidentId_Id",
                table: "IncidentUpdates",
                columns: new[] { "IncidentId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseGroupKeys");

            migrationBuilder.DropTable(
                name: "IncidentCases");

            migrationBuilder.DropTable(
                name: "IncidentUpdates");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}

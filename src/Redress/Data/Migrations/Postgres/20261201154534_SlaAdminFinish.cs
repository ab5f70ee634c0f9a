using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlaAdminFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SecretSetAt",
                table: "Webhooks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscardedAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiscardedBy",
                table: "Outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RequeuedAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequeuedBy",
                table: "Outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_GivenUp",
                table: "Outbox",
                column: "Id",
                filter: "\"FailedAt\" IS NOT NULL AND \"DiscardedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_WebhookRecipient",
                table: "Outbox",
                columns: new[] { "Recipient", "Id" },
                filter: "\"Channel\" = 'Webhook'");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ClosedAt_Id_CreatedAt_LeadDepartmentId",
                table: "Cases",
                columns: new[] { "Status", "ClosedAt", "Id", "CreatedAt", "LeadDepartmentId" },
                filter: "\"ClosedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_GivenUp",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_WebhookRecipient",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ClosedAt_Id_CreatedAt_LeadDepartmentId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SecretSetAt",
                table: "Webhooks");

            migrationBuilder.DropColumn(
                name: "DiscardedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "DiscardedBy",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "RequeuedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "RequeuedBy",
                table: "Outbox");
        }
    }
}

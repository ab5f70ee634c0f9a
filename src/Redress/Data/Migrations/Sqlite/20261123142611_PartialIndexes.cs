using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AssigneeId_IsOpen_DueAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_CustomerId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_EmailKey",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_PhoneKey",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Review_DueAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeId_IsOpen_DueAt_Id",
                table: "Cases",
                columns: new[] { "AssigneeId", "IsOpen", "DueAt", "Id" },
                filter: "\"AssigneeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_CustomerId",
                table: "Cases",
                column: "Customer_CustomerId",
                filter: "\"Customer_CustomerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_EmailKey",
                table: "Cases",
                column: "Customer_EmailKey",
                filter: "\"Customer_EmailKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_PhoneKey",
                table: "Cases",
                column: "Customer_PhoneKey",
                filter: "\"Customer_PhoneKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Review_DueAt",
                table: "Cases",
                column: "Review_DueAt",
                filter: "\"Review_DueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AssigneeId_IsOpen_DueAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_CustomerId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_EmailKey",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Customer_PhoneKey",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Review_DueAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeId_IsOpen_DueAt_Id",
                table: "Cases",
                columns: new[] { "AssigneeId", "IsOpen", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_CustomerId",
                table: "Cases",
                column: "Customer_CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_EmailKey",
                table: "Cases",
                column: "Customer_EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Customer_PhoneKey",
                table: "Cases",
                column: "Customer_PhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Review_DueAt",
                table: "Cases",
                column: "Review_DueAt");
        }
    }
}

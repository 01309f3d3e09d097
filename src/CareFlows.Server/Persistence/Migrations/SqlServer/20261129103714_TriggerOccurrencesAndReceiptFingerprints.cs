using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TriggerOccurrencesAndReceiptFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrelationKey",
                table: "EventReceipts",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayloadHash",
                table: "EventReceipts",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TriggerOccurrences",
                columns: table => new
                {
                    DefinitionVersionId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ActivityId = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    OccursAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InstanceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerOccurrences", x => new { x.DefinitionVersionId, x.ActivityId, x.OccursAt });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriggerOccurrences");

            migrationBuilder.DropColumn(
                name: "CorrelationKey",
                table: "EventReceipts");

            migrationBuilder.DropColumn(
                name: "PayloadHash",
                table: "EventReceipts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_EntityType_EntityId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_InstanceId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_PatientId_OccurredAt",
                table: "AuditRecords");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityId",
                table: "AuditRecords",
                column: "EntityId",
                filter: "\"EntityType\" <> 'instance'");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_InstanceId",
                table: "AuditRecords",
                column: "InstanceId",
                filter: "\"InstanceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_PatientId_OccurredAt",
                table: "AuditRecords",
                columns: new[] { "PatientId", "OccurredAt" },
                filter: "\"PatientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_EntityId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_InstanceId",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_PatientId_OccurredAt",
                table: "AuditRecords");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_InstanceId",
                table: "AuditRecords",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_PatientId_OccurredAt",
                table: "AuditRecords",
                columns: new[] { "PatientId", "OccurredAt" });
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskQueues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Team_TaskId",
                table: "InboxTaskTeams");

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "InboxTaskTeams",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "PriorityRank",
                table: "InboxTaskTeams",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Queued",
                table: "InboxTaskTeams",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_Queued_DueAt_TaskId",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "Queued", "DueAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_Queued_PriorityRank_DueAt",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "Queued", "PriorityRank", "DueAt" });

            // Tasks queued before these columns existed take their values from their tasks.
            migrationBuilder.Sql("""
                UPDATE "InboxTaskTeams" q SET "Queued" = (t."Status" = 'ready' AND t."Owner" IS NULL), "DueAt" = COALESCE(t."DueAt", TIMESTAMPTZ '9999-12-31 00:00:00+00'), "PriorityRank" = t."PriorityRank" FROM "InboxTasks" t WHERE t."Id" = q."TaskId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Team_Queued_DueAt_TaskId",
                table: "InboxTaskTeams");

            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Team_Queued_PriorityRank_DueAt",
                table: "InboxTaskTeams");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "InboxTaskTeams");

            migrationBuilder.DropColumn(
                name: "PriorityRank",
                table: "InboxTaskTeams");

            migrationBuilder.DropColumn(
                name: "Queued",
                table: "InboxTaskTeams");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_TaskId",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "TaskId" });
        }
    }
}

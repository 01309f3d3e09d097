using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.SqlServer
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
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "PriorityRank",
                table: "InboxTaskTeams",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Queued",
                table: "InboxTaskTeams",
                type: "bit",
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
                UPDATE q SET q.[Queued] = CASE WHEN t.[Status] = N'ready' AND t.[Owner] IS NULL THEN 1 ELSE 0 END, q.[DueAt] = COALESCE(t.[DueAt], '9999-12-31T00:00:00'), q.[PriorityRank] = t.[PriorityRank] FROM [InboxTaskTeams] q JOIN [InboxTasks] t ON t.[Id] = q.[TaskId];
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

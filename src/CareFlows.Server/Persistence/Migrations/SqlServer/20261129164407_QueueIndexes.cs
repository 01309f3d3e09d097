using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Team_Queued_DueAt_TaskId",
                table: "InboxTaskTeams");

            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Team_Queued_PriorityRank_DueAt",
                table: "InboxTaskTeams");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Queue_DueAt",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "DueAt", "TaskId" },
                filter: "[Queued] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Queue_PriorityRank",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "PriorityRank", "DueAt", "TaskId" },
                descending: new[] { false, true, false, false },
                filter: "[Queued] = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Queue_DueAt",
                table: "InboxTaskTeams");

            migrationBuilder.DropIndex(
                name: "IX_InboxTaskTeams_Queue_PriorityRank",
                table: "InboxTaskTeams");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_Queued_DueAt_TaskId",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "Queued", "DueAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_Queued_PriorityRank_DueAt",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "Queued", "PriorityRank", "DueAt" });
        }
    }
}

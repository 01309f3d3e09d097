using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BookmarkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    Pathway = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Instructions = table.Column<string>(type: "text", nullable: true),
                    PatientId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PatientName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PatientMrn = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PatientBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BusinessStatus = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PriorityRank = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Form = table.Column<string>(type: "text", nullable: true),
                    Outcomes = table.Column<string>(type: "text", nullable: false),
                    Input = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxTasks_WorkflowInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "WorkflowInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboxTaskHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Details = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTaskHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxTaskHistory_InboxTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InboxTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboxTaskTeams",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Team = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTaskTeams", x => new { x.TaskId, x.Team });
                    table.ForeignKey(
                        name: "FK_InboxTaskTeams_InboxTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InboxTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskHistory_TaskId_Id",
                table: "InboxTaskHistory",
                columns: new[] { "TaskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTaskTeams_Team_TaskId",
                table: "InboxTaskTeams",
                columns: new[] { "Team", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_InstanceId",
                table: "InboxTasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_Owner_Status_DueAt",
                table: "InboxTasks",
                columns: new[] { "Owner", "Status", "DueAt" },
                filter: "\"Owner\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_PatientId_Status",
                table: "InboxTasks",
                columns: new[] { "PatientId", "Status" },
                filter: "\"PatientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxTaskHistory");

            migrationBuilder.DropTable(
                name: "InboxTaskTeams");

            migrationBuilder.DropTable(
                name: "InboxTasks");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlows.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DefinitionUpdatedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "WorkflowDefinitions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            // Who last changed a version is known only from now on; until then the best answer is who started it,
            // named by user id where the name they signed in with still belongs to a user.
            migrationBuilder.Sql(
                """
                UPDATE [WorkflowDefinitions] SET [UpdatedBy] = COALESCE((SELECT u.[Id] FROM [AspNetUsers] AS u WHERE u.[NormalizedUserName] = UPPER([WorkflowDefinitions].[CreatedBy])), [CreatedBy]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "WorkflowDefinitions");
        }
    }
}

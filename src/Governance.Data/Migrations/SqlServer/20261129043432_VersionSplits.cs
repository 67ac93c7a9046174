using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VersionSplits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Split",
                table: "VersionEntries",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Split",
                table: "VersionEntries");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModelRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseModel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BaseModelSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HyperParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    ArtifactSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EvaluationJson = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RegisteredUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    IntendedUse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OutOfScopeUse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Limitations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BiasAndFairness = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    License = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CardUpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CardUpdatedUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelLineage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetReleaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevocationComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelLineage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelLineage_DatasetReleases_DatasetReleaseId",
                        column: x => x.DatasetReleaseId,
                        principalTable: "DatasetReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModelLineage_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeightsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelReleases_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelReleaseSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReleaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WeightsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StateBefore = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StateAfter = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelReleaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelReleaseSteps_ModelReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "ModelReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelLineage_DatasetReleaseId",
                table: "ModelLineage",
                column: "DatasetReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelLineage_ModelVersionId_DatasetReleaseId",
                table: "ModelLineage",
                columns: new[] { "ModelVersionId", "DatasetReleaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleases_ModelVersionId",
                table: "ModelReleases",
                column: "ModelVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleases_State",
                table: "ModelReleases",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ModelReleaseSteps_ReleaseId_Id",
                table: "ModelReleaseSteps",
                columns: new[] { "ReleaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_Name_Number",
                table: "ModelVersions",
                columns: new[] { "Name", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelLineage");

            migrationBuilder.DropTable(
                name: "ModelReleaseSteps");

            migrationBuilder.DropTable(
                name: "ModelReleases");

            migrationBuilder.DropTable(
                name: "ModelVersions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Propilas.Host.Database.Migrations
{
    /// <inheritdoc />
    public partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DistrictDiagnoses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistrictDiagnoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistrictDiagnoses_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DistrictInvestmentInputs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalBudget = table.Column<decimal>(type: "TEXT", nullable: false),
                    InvestmentBudget = table.Column<decimal>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveragePct = table.Column<decimal>(type: "TEXT", nullable: false),
                    RehabilitationPopulation = table.Column<int>(type: "INTEGER", nullable: false),
                    CoverageDeficitReduction = table.Column<decimal>(type: "TEXT", nullable: true),
                    NewSystemCostPerCapitaUsd = table.Column<decimal>(type: "TEXT", nullable: true),
                    RehabilitationCostPerCapitaUsd = table.Column<decimal>(type: "TEXT", nullable: true),
                    ExchangeRateSolesPerUsd = table.Column<decimal>(type: "TEXT", nullable: true),
                    MunicipalShare = table.Column<decimal>(type: "TEXT", nullable: true),
                    Years = table.Column<int>(type: "INTEGER", nullable: true),
                    CommunityShare = table.Column<decimal>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistrictInvestmentInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistrictInvestmentInputs_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordedInvestmentPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordedInvestmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordedInvestmentPlans_AuditEvents_AuditEventId",
                        column: x => x.AuditEventId,
                        principalTable: "AuditEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecordedInvestmentPlans_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiagnosisLocalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiagnosisId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Families = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    FamiliesWithSafeWater = table.Column<int>(type: "INTEGER", nullable: false),
                    FamiliesSurveyed = table.Column<int>(type: "INTEGER", nullable: true),
                    LatrineUse = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenDefecation = table.Column<int>(type: "INTEGER", nullable: true),
                    ToiletUse = table.Column<int>(type: "INTEGER", nullable: true),
                    HandwashingThreeOccasions = table.Column<int>(type: "INTEGER", nullable: true),
                    DrinkTapWater = table.Column<int>(type: "INTEGER", nullable: true),
                    DrinkBoiledWater = table.Column<int>(type: "INTEGER", nullable: true),
                    DrinkSpringOrWell = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildrenUnder5 = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildrenUnder5WithAdd = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiagnosisLocalities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiagnosisLocalities_DistrictDiagnoses_DiagnosisId",
                        column: x => x.DiagnosisId,
                        principalTable: "DistrictDiagnoses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiagnosisWaterSystems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    YearBuilt = table.Column<int>(type: "INTEGER", nullable: true),
                    StateScore = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    ManagementScore = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    OmScore = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    Chlorinates = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasOmPlan = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiagnosisWaterSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiagnosisWaterSystems_DiagnosisLocalities_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "DiagnosisLocalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosisLocalities_DiagnosisId",
                table: "DiagnosisLocalities",
                column: "DiagnosisId");

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosisWaterSystems_LocalityId",
                table: "DiagnosisWaterSystems",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_DistrictDiagnoses_DistrictId",
                table: "DistrictDiagnoses",
                column: "DistrictId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistrictInvestmentInputs_DistrictId",
                table: "DistrictInvestmentInputs",
                column: "DistrictId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_DistrictId_Number",
                table: "Projects",
                columns: new[] { "DistrictId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Subject",
                table: "Projects",
                column: "Subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordedInvestmentPlans_AuditEventId",
                table: "RecordedInvestmentPlans",
                column: "AuditEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordedInvestmentPlans_DistrictId_Id",
                table: "RecordedInvestmentPlans",
                columns: new[] { "DistrictId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiagnosisWaterSystems");

            migrationBuilder.DropTable(
                name: "DistrictInvestmentInputs");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "RecordedInvestmentPlans");

            migrationBuilder.DropTable(
                name: "DiagnosisLocalities");

            migrationBuilder.DropTable(
                name: "DistrictDiagnoses");
        }
    }
}

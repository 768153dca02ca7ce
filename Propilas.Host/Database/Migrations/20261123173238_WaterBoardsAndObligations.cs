using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Propilas.Host.Database.Migrations
{
    /// <inheritdoc />
    public partial class WaterBoardsAndObligations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Obligations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Stakeholder = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TextEs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FulfilledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FulfilledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FulfilledRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FulfilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Obligations_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WaterBoards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Locality = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    WaterSystem = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    LegallyConstituted = table.Column<bool>(type: "INTEGER", nullable: false),
                    AomTrained = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasOmPlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    Chlorinates = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastTariffReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LoanInstallmentAmount = table.Column<decimal>(type: "TEXT", nullable: false),
                    LoanInstallmentsDue = table.Column<int>(type: "INTEGER", nullable: false),
                    LoanInstallmentsPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    HasReplacementFund = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReplacementDepositMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnualTariffRevenue = table.Column<decimal>(type: "TEXT", nullable: false),
                    AnnualOmCost = table.Column<decimal>(type: "TEXT", nullable: false),
                    AnnualDebtService = table.Column<decimal>(type: "TEXT", nullable: false),
                    AnnualReplacementProvision = table.Column<decimal>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterBoards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaterBoards_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WaterBoardVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WaterBoardId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FactsObserved = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterBoardVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaterBoardVisits_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaterBoardVisits_WaterBoards_WaterBoardId",
                        column: x => x.WaterBoardId,
                        principalTable: "WaterBoards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_DistrictId_Key",
                table: "Obligations",
                columns: new[] { "DistrictId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_FulfilledOn_DistrictId",
                table: "Obligations",
                columns: new[] { "FulfilledOn", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_WaterBoards_DistrictId_Name",
                table: "WaterBoards",
                columns: new[] { "DistrictId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_WaterBoardVisits_DistrictId_WaterBoardId_VisitedOn",
                table: "WaterBoardVisits",
                columns: new[] { "DistrictId", "WaterBoardId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WaterBoardVisits_WaterBoardId_VisitedOn",
                table: "WaterBoardVisits",
                columns: new[] { "WaterBoardId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Obligations");

            migrationBuilder.DropTable(
                name: "WaterBoardVisits");

            migrationBuilder.DropTable(
                name: "WaterBoards");
        }
    }
}
